package io.pusherj.core.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

/**
 * A volatile field made on first use, from any thread, without a lock: for the parts of a client most
 * applications never use (listener sets and maps), which cost every idle client their bytes when made
 * up front (BENCHMARKS.md, idle heap). No lock, because the owners are objects the application holds
 * ({@code pusher.connection()}, {@code pusher.user()}) and may lock itself.
 *
 * @param <O> the owner's type
 * @param <T> the field's type
 */
public final class LazyField<O, T> {
    private final VarHandle handle;

    private LazyField(VarHandle handle) {
        this.handle = handle;
    }

    /**
     * {@return the field {@code name} of type {@code type} of the class that made {@code lookup}} Called
     * from that class's static initializer with {@code MethodHandles.lookup()}; the field must be volatile.
     *
     * @throws ExceptionInInitializerError if there is no such field
     */
    public static <O, T> LazyField<O, T> of(MethodHandles.Lookup lookup, String name, Class<? super T> type) {
        try {
            return new LazyField<>(lookup.findVarHandle(lookup.lookupClass(), name, type));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * {@return the field's value in {@code owner}, made with {@code make} and set if it was still null}
     * When two threads make it at once the first to set it wins and the other's value is dropped, so
     * {@code make} must only create.
     */
    @SuppressWarnings("unchecked")
    public T get(O owner, Supplier<? extends T> make) {
        T now = (T) handle.getAcquire(owner);
        if (now != null) {
            return now;
        }
        T made = make.get();
        T winner = (T) handle.compareAndExchange(owner, (T) null, made);
        return winner == null ? made : winner;
    }
}
