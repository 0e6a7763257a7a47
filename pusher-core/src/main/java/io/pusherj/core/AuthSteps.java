package io.pusherj.core;

import io.pusherj.api.AuthError;
import io.pusherj.api.AuthRequestOutcome;
import io.pusherj.api.ChannelAuthorization;
import io.pusherj.core.auth.AuthErrors;
import io.pusherj.core.auth.Authorizer;
import io.pusherj.core.connection.ConnectionManager;
import io.pusherj.core.jfr.AuthRequestEvent;
import io.pusherj.core.protocol.FrameCodec;
import io.pusherj.core.runtime.ClientLoop;
import io.pusherj.core.runtime.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A client's auth steps: channel authorization (pusher-js {@code channels/private_channel.ts}) and user
 * sign-in ({@code user.ts}). Each step belongs to the connection that asked: its outcome reaches the
 * strand only while that connection is still the current one (a newer connection authorizes again), it
 * is bounded by the auth timeout whatever the transport or handler does, and a step given up before its
 * turn on the auth threads never calls the application's code. Strand only.
 */
final class AuthSteps {
    private final Authorizer authorizer;
    private final ClientLoop loop;
    private final ConnectionManager manager;
    /** Where each step's outcome goes, for the application's metrics (strand). */
    private final Consumer<AuthRequestOutcome> outcomes;
    /** The "abandoned" flags of steps under way. */
    private final List<AtomicBoolean> inFlight = new ArrayList<>();

    AuthSteps(
            Authorizer authorizer, ClientLoop loop, ConnectionManager manager, Consumer<AuthRequestOutcome> outcomes) {
        this.authorizer = authorizer;
        this.outcomes = outcomes;
        this.loop = loop;
        this.manager = manager;
    }

    /** Authorizes a subscription to {@code channelName} for the current connection. */
    void authorize(String channelName, BiConsumer<ChannelAuthorization, AuthError> callback) {
        run(
                Optional.of(channelName),
                "authorizing '" + channelName + "'",
                authorizer.channelTimeoutMillis(),
                (socketId, stillWanted) -> authorizer.authorize(socketId, channelName, stillWanted),
                callback);
    }

    /**
     * pusher-js {@code user.signin}: authenticates, then sends {@code pusher:signin}. The server's answer is
     * awaited for the user auth timeout too: some Pusher-protocol servers ignore {@code pusher:signin}, and
     * presence subscriptions waiting for the sign-in must not wait forever.
     */
    void signin(UserImpl user) {
        int attempt = user.signinStarted();
        long timeout = authorizer.userTimeoutMillis();
        run(Optional.empty(), "user sign-in", timeout, authorizer::authenticate, (auth, failure) -> {
            if (failure != null) {
                user.signinFailed(failure);
                return;
            }
            manager.sendEvent(
                    "pusher:signin",
                    FrameCodec.json()
                            .createObjectBuilder()
                            .add("auth", auth.auth())
                            .add("user_data", auth.userData())
                            .build(),
                    null);
            loop.start(timeout, () -> {
                if (user.isInFlight(attempt)) {
                    user.signinFailed(AuthErrors.error(
                            "the server did not answer pusher:signin within " + timeout + " ms", OptionalInt.empty()));
                }
            });
        });
    }

    /** The connection that asked is gone: its steps still waiting for an auth thread need not run. */
    void connectionLost() {
        inFlight.forEach(a -> a.set(true));
        inFlight.clear();
    }

    private <T> void run(
            Optional<String> channelName,
            String what,
            long timeoutMillis,
            BiFunction<String, BooleanSupplier, CompletionStage<T>> step,
            BiConsumer<T, AuthError> callback) {
        String socketId = manager.socketId();
        if (socketId == null) {
            return; // not connected: the next connection starts over
        }
        long started = System.nanoTime(); // a duration for metrics: monotonic, not the scheduler's wall clock
        AuthRequestEvent recorded = AuthRequestEvent.start(
                channelName.orElse("user"), authorizer.usesCustomHandler(channelName.isPresent()));
        boolean[] done = new boolean[1];
        AtomicBoolean abandoned = new AtomicBoolean();
        // What became of the request, for metrics and JFR alike. Not for metrics when its connection went away
        // first (connectionLost): then the answer, or the refusal to ask at all, says nothing of the endpoint.
        Consumer<AuthError> report = error -> {
            boolean lost = abandoned.get();
            if (recorded != null) {
                recorded.end(
                        lost
                                ? AuthRequestEvent.ABANDONED
                                : error == null ? AuthRequestEvent.AUTHORIZED : AuthRequestEvent.FAILED,
                        error == null ? 0 : error.status().orElse(0));
            }
            if (!lost) {
                outcomes.accept(new AuthRequestOutcome(
                        channelName, Duration.ofNanos(System.nanoTime() - started), Optional.ofNullable(error)));
            }
        };
        inFlight.add(abandoned);
        Timer guard = loop.start(timeoutMillis, () -> {
            done[0] = true;
            AuthError timedOut =
                    AuthErrors.error(what + " took longer than " + timeoutMillis + " ms", OptionalInt.empty());
            report.accept(timedOut);
            abandoned.set(true);
            inFlight.remove(abandoned);
            if (socketId.equals(manager.socketId())) {
                callback.accept(null, timedOut);
            }
        });
        CompletionStage<T> stage;
        try {
            stage = step.apply(socketId, () -> !abandoned.get());
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, failure) -> loop.defer(() -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            guard.cancel();
            inFlight.remove(abandoned);
            AuthError error = failure == null ? null : AuthErrors.of(failure);
            report.accept(error);
            if (socketId.equals(manager.socketId())) {
                callback.accept(result, error);
            }
        }));
    }
}
