package io.pusherj.core;

import io.pusherj.api.Binding;
import io.pusherj.api.EventListener;
import io.pusherj.core.protocol.Frame;
import java.util.function.Consumer;

/**
 * The client-level bindings (pusher-js's global emitter, an {@code events/dispatcher.ts}): listeners of
 * every event ({@code bind_global}) and listeners of one event name ({@code bind}). Bindings change from
 * any thread; events are emitted on the strand.
 */
final class GlobalEmitter {
    private final Listeners<EventListener> everyEvent = new Listeners<>();
    private final NamedListeners<EventListener> byName = new NamedListeners<>();
    private final Delivery delivery;
    private final Consumer<Throwable> listenerFailed;

    GlobalEmitter(Delivery delivery, Consumer<Throwable> listenerFailed) {
        this.delivery = delivery;
        this.listenerFailed = listenerFailed;
    }

    Binding bindGlobal(EventListener listener) {
        return everyEvent.add(listener);
    }

    Binding bind(String eventName, EventListener listener) {
        return byName.add(eventName, listener);
    }

    void unbind(String eventName) {
        byName.remove(eventName);
    }

    void unbindAll() {
        everyEvent.clear();
        byName.clear();
    }

    /**
     * Emits a frame: {@code bind_global} listeners first, then those bound to its name. A {@code user_id}
     * is kept on presence channels only, as on channel listeners (strand).
     */
    void emit(Frame received) {
        String channel = received.channelOrNull();
        Frame frame = received.userId().isPresent() && (channel == null || !channel.startsWith("presence-"))
                ? received.withoutUserId()
                : received;
        Listeners<EventListener> named = byName.get(frame.eventName());
        if (!everyEvent.isEmpty() || (named != null && !named.isEmpty())) {
            delivery.run(() -> {
                everyEvent.forEach(l -> l.onEvent(frame), listenerFailed);
                if (named != null) {
                    named.forEach(l -> l.onEvent(frame), listenerFailed);
                }
            });
        }
    }
}
