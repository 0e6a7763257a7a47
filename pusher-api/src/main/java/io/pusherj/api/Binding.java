package io.pusherj.api;

/**
 * A registered listener. {@link #unbind()} removes it; calling it again does nothing.
 * Keeping the binding is the simplest way to avoid leaking listeners (and whatever they capture).
 */
@FunctionalInterface
public interface Binding extends AutoCloseable {
    /** Removes the listener. Safe from any thread, idempotent. */
    void unbind();

    /** Same as {@link #unbind()}, so a binding works in try-with-resources. */
    @Override
    default void close() {
        unbind();
    }
}
