package io.pusherj.core.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Handles on volatile fields, for the per-client flags and counters updated atomically: a field with a
 * handle costs its own bytes only, where an {@code AtomicBoolean} or {@code AtomicLong} is another object
 * of 16 or 24 bytes per client (BENCHMARKS.md, idle heap).
 *
 * <p>The handles demand exact invocation: every call site must cast the result to the field's type (and
 * not drop it) and pass the declared owner type. A call site that does not is adapted on every call,
 * silently and slowly; with exact behaviour it fails at once instead, in the tests.
 */
public final class Handles {
    private Handles() {}

    /**
     * {@return a handle on the field {@code name} of type {@code type} of the class that made
     * {@code lookup}} Called from that class's static initializer with {@code MethodHandles.lookup()}.
     *
     * @throws ExceptionInInitializerError if there is no such field
     */
    public static VarHandle field(MethodHandles.Lookup lookup, String name, Class<?> type) {
        try {
            return lookup.findVarHandle(lookup.lookupClass(), name, type).withInvokeExactBehavior();
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
