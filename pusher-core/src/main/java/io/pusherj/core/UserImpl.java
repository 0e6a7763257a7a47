package io.pusherj.core;

import io.pusherj.api.AuthError;
import io.pusherj.api.Binding;
import io.pusherj.api.EventListener;
import io.pusherj.api.EventNames;
import io.pusherj.api.User;
import io.pusherj.core.auth.AuthErrors;
import io.pusherj.core.protocol.Frame;
import io.pusherj.core.protocol.FrameCodec;
import io.pusherj.core.runtime.LazyField;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The signed-in user (pusher-js {@code core/user.ts} and {@code watchlist.ts}). Sign-in state lives on
 * the strand; listeners may be added from any thread.
 */
final class UserImpl implements User {
    private static final String USER_CHANNEL_PREFIX = "#server-to-user-";
    private static final LazyField<UserImpl, Bindings> BINDINGS =
            LazyField.of(MethodHandles.lookup(), "bindings", Bindings.class);

    private final Delivery delivery;
    private final BiConsumer<String, JsonValue> send;
    private final Consumer<Throwable> listenerFailed;
    /** The user's bindings, made by the first: most clients never bind any (five sets, 80 bytes). */
    private volatile Bindings bindings;

    private boolean signinRequested;
    /** Counts sign-in attempts, so a late timer of an earlier attempt cannot fail a newer one. */
    private int attempt;

    private boolean inFlight;
    /**
     * Presence subscriptions without channel_data, waiting for the sign-in in flight (pusher-js's
     * signinDonePromise); made by the first one, as most clients never sign in.
     */
    private List<Runnable> waitingForSignin;

    private volatile String id;

    UserImpl(Delivery delivery, BiConsumer<String, JsonValue> send, Consumer<Throwable> listenerFailed) {
        this.delivery = delivery;
        this.send = send;
        this.listenerFailed = listenerFailed;
    }

    @Override
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    @Override
    public Binding bind(String eventName, EventListener listener) {
        return bindings().byEvent.add(eventName, listener);
    }

    @Override
    public Binding bindGlobal(EventListener listener) {
        return bindings().global.add(listener);
    }

    @Override
    public Binding onSignin(Consumer<String> listener) {
        return bindings().signins.add(listener);
    }

    @Override
    public Binding onSigninError(Consumer<AuthError> listener) {
        return bindings().signinErrors.add(listener);
    }

    @Override
    public Binding bindWatchlist(String eventName, EventListener listener) {
        return bindings().watchlist.add(eventName, listener);
    }

    // Strand only.

    /** Marks sign-in as requested (idempotent). */
    void requestSignin() {
        signinRequested = true;
    }

    boolean isSigninRequested() {
        return signinRequested;
    }

    /**
     * Whether {@code signin()} should start an attempt on the current connection now: requested, and
     * neither signed in nor in flight. After a failed attempt this is true again, so {@code signin()}
     * retries (pusher-js ignores a second call until the next connection).
     */
    boolean needsSignin() {
        return signinRequested && !inFlight && id == null;
    }

    /** An attempt starts on the current connection; returns its number. */
    int signinStarted() {
        inFlight = true;
        return ++attempt;
    }

    /** Whether attempt {@code n} is still waiting for its answer. */
    boolean isInFlight(int n) {
        return inFlight && attempt == n;
    }

    /**
     * Runs {@code resume} once the sign-in in flight on this connection has succeeded or failed, or now
     * if none is in flight (pusher-js: {@code await user.signinDonePromise}).
     */
    void whenSigninSettled(Runnable resume) {
        if (inFlight) {
            if (waitingForSignin == null) {
                waitingForSignin = new ArrayList<>();
            }
            waitingForSignin.add(resume);
        } else {
            resume.run();
        }
    }

    /** The connection went away: the user is signed out until the next connection signs in again. */
    void connectionLost() {
        id = null;
        inFlight = false;
        waitingForSignin = null; // their channels were reset too, and authorize again on the next connection
    }

    /** The attempt failed: {@code onSigninError} listeners, then pusher-js's {@code pusher:signin_error} event. */
    void signinFailed(AuthError error) {
        id = null;
        Bindings b = bindings;
        if (b != null) {
            deliver(b.signinErrors, l -> l.accept(error));
        }
        var data = FrameCodec.json()
                .createObjectBuilder()
                .add("type", error.type())
                .add("error", error.message());
        error.status().ifPresent(status -> data.add("status", status));
        emit(new Frame(EventNames.SIGNIN_ERROR, null, data.build(), null));
        settled();
    }

    private void settled() {
        inFlight = false;
        List<Runnable> waiting = waitingForSignin;
        waitingForSignin = null;
        if (waiting != null) {
            waiting.forEach(Runnable::run);
        }
    }

    /** Whether a frame belongs to the user: sign-in results, watchlist events, the user's own channel. */
    boolean handles(Frame frame) {
        String channel = frame.channelOrNull();
        return switch (frame.eventName()) {
            case "pusher:signin_success", "pusher_internal:watchlist_events" -> true;
            default -> channel != null && channel.startsWith(USER_CHANNEL_PREFIX);
        };
    }

    void handle(Frame frame) {
        switch (frame.eventName()) {
            case "pusher:signin_success" -> signedIn(frame);
            case "pusher_internal:watchlist_events" -> {
                if (FrameCodec.dataObject(frame).get("events") instanceof JsonArray events) {
                    for (JsonValue e : events) {
                        if (e instanceof JsonObject o && o.get("name") instanceof JsonString name) {
                            Bindings b = bindings;
                            Listeners<EventListener> l = b == null ? null : b.watchlist.get(name.getString());
                            Frame event = new Frame(name.getString(), null, o, null);
                            if (l != null) {
                                deliver(l, x -> x.onEvent(event));
                            }
                        }
                    }
                }
            }
            default -> {
                // pusher-js re-emits only application events of the user's channel.
                if (!frame.eventName().startsWith("pusher_internal:")
                        && !frame.eventName().startsWith("pusher:")) {
                    emit(frame);
                }
            }
        }
    }

    private void emit(Frame frame) {
        Bindings b = bindings;
        if (b == null) {
            return;
        }
        deliver(b.global, l -> l.onEvent(frame));
        Listeners<EventListener> l = b.byEvent.get(frame.eventName());
        if (l != null) {
            deliver(l, x -> x.onEvent(frame));
        }
    }

    /** pusher-js {@code _onSigninSuccess}: user_data must hold a non-empty string id. */
    private void signedIn(Frame frame) {
        String userData = FrameCodec.dataObject(frame).get("user_data") instanceof JsonString s ? s.getString() : null;
        JsonValue parsed = userData == null ? null : FrameCodec.parseOrNull(userData);
        if (!(parsed instanceof JsonObject o)
                || !(o.get("id") instanceof JsonString idValue)
                || idValue.getString().isEmpty()) {
            signinFailed(AuthErrors.error(
                    "pusher:signin_success without a user_data holding a string id: "
                            + FrameCodec.preview(frame.data()),
                    OptionalInt.empty()));
            return;
        }
        id = idValue.getString();
        send.accept(
                "pusher:subscribe",
                FrameCodec.json()
                        .createObjectBuilder()
                        .add("auth", "")
                        .add("channel", USER_CHANNEL_PREFIX + id)
                        .build());
        String confirmed = id;
        Bindings b = bindings;
        if (b != null) {
            deliver(b.signins, l -> l.accept(confirmed));
        }
        settled();
    }

    private Bindings bindings() {
        return BINDINGS.get(this, Bindings::new);
    }

    /** Everything bound on the user. */
    private static final class Bindings {
        final Listeners<EventListener> global = new Listeners<>();
        final NamedListeners<EventListener> byEvent = new NamedListeners<>();
        final NamedListeners<EventListener> watchlist = new NamedListeners<>();
        final Listeners<Consumer<String>> signins = new Listeners<>();
        final Listeners<Consumer<AuthError>> signinErrors = new Listeners<>();
    }

    private <T> void deliver(Listeners<T> listeners, Consumer<T> call) {
        if (!listeners.isEmpty()) {
            delivery.run(() -> listeners.forEach(call, listenerFailed));
        }
    }
}
