/**
 * JUnit 5 support for pusherj's testkit: {@link io.pusherj.testkit.junit.PusherServerExtension}, a test
 * server per test, the test's clients closed after it, and a check that pusherj's threads end with them.
 */
module io.pusherj.testkit.junit {
    requires transitive io.pusherj.testkit;
    requires transitive org.junit.jupiter.api;

    exports io.pusherj.testkit.junit;
}
