package io.pusherj.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.SkipException;
import org.testng.annotations.Test;

/**
 * The Reactive Streams TCK's publisher rules as JUnit tests, one per rule, so they run in {@code ./mvnw
 * verify} with the rest instead of needing a TestNG engine.
 *
 * <p>Every {@code required_}, {@code optional_} and {@code stochastic_} rule runs, on a fresh verification
 * object as TestNG would make one. A rule the TCK skips (because the publisher under test cannot do what it
 * needs) fails here: the publishers under test are meant to pass every rule. The {@code untested_} rules
 * are left out: the TCK has no check for them, only a note that it cannot verify them.
 */
final class FlowTck {
    private static final int RULES_IN_TCK_1_0_4 = 31;

    private FlowTck() {}

    /**
     * {@return one test per rule}
     *
     * @param verification makes a verification of the publisher under test
     */
    static Stream<DynamicTest> rules(Supplier<? extends FlowPublisherVerification<?>> verification) {
        Method[] rules = Arrays.stream(FlowPublisherVerification.class.getMethods())
                .filter(m -> m.isAnnotationPresent(Test.class))
                .filter(m -> !m.getName().startsWith("untested_"))
                .sorted(Comparator.comparing(Method::getName))
                .toArray(Method[]::new);
        if (rules.length < RULES_IN_TCK_1_0_4) {
            fail("found " + rules.length + " TCK rules, expected " + RULES_IN_TCK_1_0_4 + ": "
                    + Arrays.toString(rules));
        }
        return Arrays.stream(rules)
                .map(rule -> DynamicTest.dynamicTest(rule.getName(), () -> run(verification.get(), rule)));
    }

    private static void run(FlowPublisherVerification<?> verification, Method rule) throws Throwable {
        verification.setUp();
        try {
            rule.invoke(verification);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SkipException skipped) {
                fail("the TCK skipped " + rule.getName() + ": " + skipped.getMessage());
            }
            throw e.getCause();
        }
    }
}
