package io.pusherj.core;

import io.pusherj.api.Binding;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A set of listeners that may be added and removed from any thread while the strand iterates over a
 * snapshot (copy-on-write: adding is rare, delivering is frequent).
 *
 * @param <T> the listener type
 */
final class Listeners<T> {
    private final List<Entry<T>> entries = new CopyOnWriteArrayList<>();

    private static final class Entry<T> {
        final T listener;

        Entry(T listener) {
            this.listener = listener;
        }
    }

    /** Adds a listener; the binding removes exactly this registration. */
    Binding add(T listener) {
        Entry<T> e = new Entry<>(java.util.Objects.requireNonNull(listener, "listener"));
        entries.add(e);
        return () -> entries.remove(e);
    }

    /** Removes every registration of {@code listener}. */
    void remove(T listener) {
        entries.removeIf(e -> e.listener.equals(listener));
    }

    /** Removes everything. */
    void clear() {
        entries.clear();
    }

    /** Moves every registration of {@code other} into this set. */
    void absorb(Listeners<T> other) {
        entries.addAll(other.entries);
        other.entries.clear();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Calls {@code action} for each listener of the current snapshot; each call guarded separately. */
    void forEach(Consumer<T> action, Consumer<Throwable> onFailure) {
        for (Iterator<Entry<T>> it = entries.iterator(); it.hasNext(); ) {
            T l = it.next().listener;
            try {
                action.accept(l);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                onFailure.accept(e);
            }
        }
    }
}
