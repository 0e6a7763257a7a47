package io.pusherj.cli.bench;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * What a bench run does, checked: how many clients, how fast they open, over how many channels of which
 * kind, how fast events are published, how big they are and for how long. Every count and rate is
 * bounded, so a run always ends by itself.
 *
 * @param clients clients to open (1 to {@value #MAX_CLIENTS})
 * @param rampPerSecond clients opened per second
 * @param channels channels the clients are spread over (1: every client on one channel, a fan-out)
 * @param kind the channels' kind
 * @param eventsPerSecond events published per second, over all channels
 * @param payloadBytes each event's data, in bytes (at least {@link BenchPayload#MIN_BYTES})
 * @param duration how long events are published, once every client is subscribed
 * @param api the server's HTTP API, where events are published
 * @param appId the app id (HTTP API)
 * @param key the app key
 * @param secret the app secret (signs the HTTP API calls and, for private and presence, the subscriptions)
 * @param sourceAddresses the local addresses the clients connect from, in turn (empty: the operating system's
 *     choice); each holds about 28,000 connections to one server address
 */
public record BenchPlan(
        int clients,
        int rampPerSecond,
        int channels,
        ChannelKind kind,
        int eventsPerSecond,
        int payloadBytes,
        Duration duration,
        URI api,
        String appId,
        String key,
        String secret,
        List<InetAddress> sourceAddresses) {
    /** The most clients one run opens. */
    public static final int MAX_CLIENTS = 1_000_000;
    /** The longest a run publishes. */
    public static final Duration MAX_DURATION = Duration.ofHours(24);
    /** The largest event: Pusher's limit on event data. */
    public static final int MAX_PAYLOAD_BYTES = 10 * 1024;

    /** Checks every field; each message names the flag. */
    public BenchPlan {
        check(clients >= 1 && clients <= MAX_CLIENTS, "--clients must be between 1 and " + MAX_CLIENTS);
        check(rampPerSecond >= 1, "--ramp must be at least 1 (clients per second)");
        check(
                clients / rampPerSecond <= MAX_DURATION.toSeconds(),
                "--clients / --ramp must open them within " + MAX_DURATION.toSeconds() + " seconds");
        check(channels >= 1 && channels <= clients, "--channels must be between 1 and --clients (" + clients + ")");
        check(kind != null, "--channel-kind is missing");
        check(eventsPerSecond >= 1, "--rate must be at least 1 (events per second)");
        check(
                payloadBytes >= BenchPayload.MIN_BYTES && payloadBytes <= MAX_PAYLOAD_BYTES,
                "--payload must be between " + BenchPayload.MIN_BYTES + " and " + MAX_PAYLOAD_BYTES + " bytes");
        check(
                duration != null
                        && !duration.isNegative()
                        && !duration.isZero()
                        && duration.compareTo(MAX_DURATION) <= 0,
                "--duration must be between 1 and " + MAX_DURATION.toSeconds() + " seconds");
        check(api != null && api.isAbsolute(), "the HTTP API address is missing");
        check(appId != null && !appId.isBlank(), "--app-id is missing");
        check(key != null && !key.isBlank(), "--key is missing");
        check(secret != null && !secret.isBlank(), "--secret is missing");
        check(sourceAddresses != null, "the source addresses are missing");
        sourceAddresses = List.copyOf(sourceAddresses);
        check(
                new HashSet<>(sourceAddresses).size() == sourceAddresses.size(),
                "--source-addresses lists an address twice: " + sourceAddresses);
        check(sourceAddresses.size() <= clients, "--source-addresses lists more addresses than --clients");
    }

    /** Without the secret: plans end up in logs. */
    @Override
    public String toString() {
        return "BenchPlan[clients=" + clients + ", ramp=" + rampPerSecond + ", channels=" + channels + ", kind="
                + kind.flagName() + ", rate=" + eventsPerSecond + ", payload=" + payloadBytes + ", duration="
                + duration + ", api=" + api + ", appId=" + appId + ", key=" + key + ", sourceAddresses="
                + sourceAddresses + "]";
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** {@return the channel client number {@code client} subscribes to} */
    public String channelOf(int client) {
        return kind.channelName(client % channels);
    }
}
