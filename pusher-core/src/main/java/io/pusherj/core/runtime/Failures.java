package io.pusherj.core.runtime;

/**
 * Which failures of user code the library contains. A listener, handler or provider may throw anything:
 * a checked exception it never declared (Kotlin, {@code @SneakyThrows}), an {@link AssertionError}, a
 * {@link StackOverflowError} from a recursive listener. Each is reported and the library keeps going.
 * Only a {@link VirtualMachineError} that leaves the JVM unreliable (out of memory, an internal error)
 * is passed on.
 */
public final class Failures {
    private Failures() {}

    /**
     * Returns {@code failure} if the library may contain it, else rethrows it.
     *
     * @param failure what user code threw
     * @return the same failure, to report
     */
    public static Throwable containable(Throwable failure) {
        if (failure instanceof VirtualMachineError fatal && !(failure instanceof StackOverflowError)) {
            throw fatal;
        }
        return failure;
    }
}
