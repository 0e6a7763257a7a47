package io.pusherj.core;

import io.pusherj.api.Binding;
import io.pusherj.core.runtime.Failures;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A set of listeners that may be added and removed from any thread while the strand iterates over a
 * snapshot (copy-on-write: adding is rare, delivering is frequent).
 *
 * <p>A plain array behind a volatile field rather than a {@code CopyOnWriteArrayList}: a client has about
 * sixteen of these, nearly all empty, and the list with its lock and array cost ~70 bytes each, a
 * kilobyte per idle client (BENCHMARKS.md). Writers serialize on this object; readers never lock.
 *
 * @param <T> the listener type
 */
final class Listeners<T> {
    private static final Entry<?>[] NONE = {};

    private volatile Entry<?>[] entries = NONE;

    /** One registration; its identity is what a {@link Binding} removes. */
    private static class Entry<T> {
        final T listener;

        Entry(T listener) {
            this.listener = listener;
        }
    }

    /**
     * A registration of a {@link java.util.concurrent.Flow.Publisher}'s subscriber: only its own binding
     * removes it, not {@link #clear()} ({@code unbindAll}, {@code unbind(name)}), which removes the
     * application's bindings. A subclass rather than a flag, so other entries stay 16 bytes.
     */
    private static final class StreamEntry<T> extends Entry<T> {
        StreamEntry(T listener) {
            super(listener);
        }
    }

    /** Adds a listener; the binding removes exactly this registration. */
    Binding add(T listener) {
        return add(new Entry<>(Objects.requireNonNull(listener, "listener")));
    }

    /** Adds a stream subscriber's listener, which {@link #clear()} keeps; the binding removes it. */
    Binding addForStream(T listener) {
        return add(new StreamEntry<>(Objects.requireNonNull(listener, "listener")));
    }

    private Binding add(Entry<T> e) {
        synchronized (this) {
            Entry<?>[] now = entries;
            Entry<?>[] next = Arrays.copyOf(now, now.length + 1);
            next[now.length] = e;
            entries = next;
        }
        // Weakly: an application that keeps the Binding after unbinding must not keep the listener (and all
        // it captures) too. While bound, the entry is held by this set, so the reference cannot be cleared.
        WeakReference<Entry<T>> registration = new WeakReference<>(e);
        return () -> {
            Entry<T> bound = registration.get();
            if (bound != null) {
                removeIf(x -> x == bound);
            }
        };
    }

    /** Removes every registration of {@code listener}. */
    void remove(T listener) {
        removeIf(e -> listener.equals(e.listener));
    }

    private synchronized void removeIf(Predicate<Entry<?>> drop) {
        Entry<?>[] kept = Arrays.stream(entries).filter(drop.negate()).toArray(Entry<?>[]::new);
        entries = kept.length == 0 ? NONE : kept;
    }

    /** Removes every listener but those of streams, which end with their subscription or their source. */
    void clear() {
        removeIf(e -> !(e instanceof StreamEntry<?>));
    }

    boolean isEmpty() {
        return entries.length == 0;
    }

    /**
     * Calls {@code action} for each listener of the current snapshot; each call guarded separately. Every
     * {@code Throwable} a listener throws is contained, checked exceptions included (a Kotlin lambda or a
     * {@code @SneakyThrows} method throws them without declaring them) and errors such as
     * {@code StackOverflowError}: escaping, they would abort the protocol work that delivered the event.
     * Only a {@link VirtualMachineError} other than a stack overflow (out of memory, an internal error)
     * goes on, since nothing can be relied on after it.
     */
    @SuppressWarnings("unchecked")
    void forEach(Consumer<T> action, Consumer<Throwable> onFailure) {
        for (Entry<?> e : entries) {
            try {
                action.accept((T) e.listener);
            } catch (Throwable x) {
                onFailure.accept(Failures.containable(x));
            }
        }
    }
}
