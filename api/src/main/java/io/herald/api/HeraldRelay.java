package io.herald.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * In an application that has this jar: sends every {@link HeraldEvent} the application fires to
 * Herald's broker ({@link HeraldWire}) through the server's JMS connection factory, bound to the
 * caller's JTA transaction: Herald never receives an event of a transaction that rolls back, and
 * never before it commits.
 * <ul>
 * <li>An event fired while the application's code runs in a transaction (a CDI event; an entity
 * change flushed by {@code em.flush()} or before a query) is sent in that transaction: the
 * connection factory is the server's transactional one (a pool of the Artemis resource adapter with
 * XA transactions), so the message is committed with the application's data or not at all.</li>
 * <li>An event fired while the transaction commits (an entity change that only the commit
 * flushes) cannot join it any more: the server has already detached the JMS connection from the
 * transaction, and a message sent then is silently dropped (seen on Payara). Such events are sent
 * right after the commit, in the order fired, by the server's managed executor; a send that fails
 * is retried for a minute. What this does not cover is a crash of the application's server in
 * the moment between its commit and that send; call {@code em.flush()} before the business
 * method returns where that matters.</li>
 * <li>Outside a transaction the event is sent at once.</li>
 * </ul>
 * The connection factory is looked up when the application starts, at the JNDI name of the system
 * property {@value #CONNECTION_FACTORY_PROPERTY} (or the environment variable
 * {@code HERALD_API_CONNECTION_FACTORY}), by default {@value #DEFAULT_CONNECTION_FACTORY}
 * (Herald's own on a server where Herald runs too); without it the deployment fails. Herald's own
 * deployment vetoes this bean: there its outbox publishes the events.
 */
@ApplicationScoped
public class HeraldRelay {

    public static final String CONNECTION_FACTORY_PROPERTY = "herald.api.connection-factory";
    public static final String DEFAULT_CONNECTION_FACTORY = "jms/herald/ConnectionFactory";
    /** Artemis drops a second message with the same value, so a retried send is not delivered twice. */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    private static final Logger LOG = Logger.getLogger(HeraldRelay.class.getName());
    private static final Object AFTER_COMMIT = HeraldRelay.class.getName() + ".afterCommit";
    private static final int ATTEMPTS = 12;
    private static final long RETRY_MILLIS = 5000;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    private volatile ConnectionFactory factory;
    private final Queue<Outgoing> afterCommit = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    /** Finds the connection factory when the application starts, so a missing one fails the deployment. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        factory();
        LOG.info(() -> "Herald API: HeraldEvents go to " + HeraldWire.INGEST_QUEUE + " through " + name());
    }

    /** An encoded event and its message group. */
    private record Outgoing(String body, String group) {
    }

    void relay(@Observes HeraldEvent event) {
        Outgoing outgoing = new Outgoing(HeraldWire.encode(event), HeraldWire.group(event));
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE && completing()) {
            pendingUntilCommit().add(outgoing);
            return;
        }
        try (JMSContext context = factory().createContext()) {
            send(context, outgoing, null);
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("Herald API: could not send " + event.type() + " to " + HeraldWire.INGEST_QUEUE + ": " + e, e);
        }
    }

    /** Whether this thread is inside a transaction synchronization's {@code beforeCompletion}: the transaction is committing. */
    static boolean completing() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames.anyMatch(
                f -> f.getMethodName().equals("beforeCompletion") && Synchronization.class.isAssignableFrom(f.getDeclaringClass())));
    }

    private List<Outgoing> pendingUntilCommit() {
        @SuppressWarnings("unchecked")
        List<Outgoing> pending = (List<Outgoing>) transactions.getResource(AFTER_COMMIT);
        if (pending == null) {
            List<Outgoing> created = new ArrayList<>();
            transactions.putResource(AFTER_COMMIT, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        afterCommit.addAll(created);
                        executor.execute(HeraldRelay.this::drain);
                    }
                }
            });
            pending = created;
        }
        return pending;
    }

    /** Sends what committed transactions left, one sender at a time, in order. */
    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Outgoing outgoing; (outgoing = afterCommit.peek()) != null; afterCommit.poll()) {
                sendWithRetries(outgoing);
            }
        } finally {
            draining.set(false);
        }
        if (!afterCommit.isEmpty()) {
            executor.execute(this::drain);
        }
    }

    private void sendWithRetries(Outgoing outgoing) {
        String id = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            try (JMSContext context = factory().createContext()) {
                send(context, outgoing, id);
                return;
            } catch (JMSException | JMSRuntimeException e) {
                if (attempt == ATTEMPTS) {
                    LOG.log(Level.SEVERE, "Herald API: gave up sending a committed event to " + HeraldWire.INGEST_QUEUE + ": " + outgoing.body(), e);
                    return;
                }
                LOG.warning(() -> "Herald API: sending a committed event failed, retrying in " + RETRY_MILLIS / 1000 + " s: " + e);
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    LOG.severe("Herald API: interrupted; a committed event was not sent: " + outgoing.body());
                    return;
                }
            }
        }
    }

    /** @param duplicateId set on a send that may be retried, so the broker drops a second copy */
    private static void send(JMSContext context, Outgoing outgoing, String duplicateId) throws JMSException {
        TextMessage message = context.createTextMessage(outgoing.body());
        message.setStringProperty("JMSXGroupID", outgoing.group());
        if (duplicateId != null) {
            message.setStringProperty(DUPLICATE_ID, duplicateId);
        }
        context.createProducer().send(context.createQueue(HeraldWire.INGEST_QUEUE), message);
    }

    private ConnectionFactory factory() {
        ConnectionFactory found = factory;
        if (found == null) {
            try {
                found = (ConnectionFactory) new InitialContext().lookup(name());
            } catch (NamingException | ClassCastException e) {
                throw new IllegalStateException("Herald API: no JMS connection factory at '" + name() + "' (set the system property "
                        + CONNECTION_FACTORY_PROPERTY + " or create one that reaches Herald's broker; see Herald's README, "
                        + "\"Publish from your application\"): " + e, e);
            }
            factory = found;
        }
        return found;
    }

    /** The system property, else the environment variable {@code HERALD_API_CONNECTION_FACTORY}, else the default. */
    private static String name() {
        String named = System.getProperty(CONNECTION_FACTORY_PROPERTY, System.getenv("HERALD_API_CONNECTION_FACTORY"));
        return named == null || named.isBlank() ? DEFAULT_CONNECTION_FACTORY : named.trim();
    }
}
