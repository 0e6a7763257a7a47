/**
 * JUnit 5 support: {@link io.pusherj.testkit.junit.PusherServerExtension}, a test server per test, the
 * test's clients closed after it, and a check that pusherj's threads end with them. Needs JUnit Jupiter on
 * the test path (the testkit does not bring it).
 */
package io.pusherj.testkit.junit;
