package io.herald.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An integration test of the long run: fault runs (broker kills, failover, database restarts),
 * attack and perimeter runs, and runs that start processes of their own for a minute or more.
 * {@code mvn -B verify} leaves them out (tag {@value #TAG}); the {@code long} profile of the
 * arquillian module, which {@code .ci/run} enables ({@code HERALD_IT_LONG=true}), runs them too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(LongRun.TAG)
public @interface LongRun {

    /** The JUnit tag; the arquillian pom's {@code herald.it.excludedGroups} names it too. */
    String TAG = "long";
}
