package io.herald.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aConnectionThatCannotBeHadOrBrokeIsTheDatabaseBeingAway() {
        assertTrue(DatabaseUnavailable.causedBy(new EJBException(new PersistenceException(new SQLException("refused", "08001")))));
        assertTrue(DatabaseUnavailable.causedBy(new PersistenceException(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseUnavailable.causedBy(new PersistenceException(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException(new SQLException(
                "Error in allocating a connection. Cause: Connection could not be allocated because: Connection refused"))));
        assertTrue(DatabaseUnavailable.causedBy(new SQLTransientConnectionException("pool timeout")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("Connection is broken", "90067")));
    }

    @Test
    void aConnectionThatFailsAsItsTransactionBeginsOrCommitsIsTheDatabaseBeingAway() {
        // as Payara's transaction manager reports it: an XAException with the resource's failure as text only
        assertTrue(DatabaseUnavailable.causedBy(new EJBException(new IllegalStateException(new XAException(
                "jakarta.resource.spi.LocalTransactionException: FATAL: terminating connection due to administrator command")))));
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException(new XAException(
                "com.sun.appserv.connectors.internal.api.PoolingException: jakarta.resource.spi.LocalTransactionException: This connection has been closed."))));
        assertFalse(DatabaseUnavailable.causedBy(new XAException("jakarta.resource.spi.LocalTransactionException: deadlock detected")));
    }

    @Test
    void otherErrorsAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("boom")));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("no state")));
        assertFalse(DatabaseUnavailable.causedBy(null));
    }
}
