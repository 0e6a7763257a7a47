package io.pusherj.core.protocol;

import io.pusherj.api.PusherEvent;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One decoded server message (docs/protocol.md §2), also the {@link PusherEvent} handed to listeners.
 * The {@code data} member is kept as received and decoded on first use, so events nobody reads in
 * detail cost no second parse.
 */
public final class Frame implements PusherEvent {
    private final String event;
    private final String channel;
    private final String userId;
    /** The data member: a {@link JsonString} as received, another JSON value, or null when absent. */
    private final JsonValue rawData;

    private volatile JsonValue decoded;

    /**
     * Creates a frame.
     *
     * @param event the event name
     * @param channel the channel, or null
     * @param rawData the {@code data} member as received, or null when absent
     * @param userId the {@code user_id}, or null
     */
    public Frame(String event, String channel, JsonValue rawData, String userId) {
        this.event = Objects.requireNonNull(event, "event");
        this.channel = channel;
        this.rawData = rawData;
        this.userId = userId;
    }

    /** The same frame under another event name (e.g. internal → public name). */
    public Frame renamed(String newEvent) {
        return new Frame(newEvent, channel, rawData, userId);
    }

    /** The same frame without its {@code user_id}. */
    public Frame withoutUserId() {
        return new Frame(event, channel, rawData, null);
    }

    @Override
    public String eventName() {
        return event;
    }

    @Override
    public Optional<String> channelName() {
        return Optional.ofNullable(channel);
    }

    /** The channel or null, for internal routing. */
    public String channelOrNull() {
        return channel;
    }

    @Override
    public String data() {
        if (rawData == null) {
            return "";
        }
        return rawData instanceof JsonString s ? s.getString() : rawData.toString();
    }

    @Override
    public boolean hasData() {
        return rawData != null;
    }

    @Override
    public JsonValue json() {
        JsonValue d = decoded;
        if (d == null) {
            d = FrameCodec.decodeData(rawData);
            decoded = d;
        }
        return d;
    }

    @Override
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /** Data longer than this is cut in {@link #toString()}: a log line or test report must stay readable. */
    private static final int TO_STRING_DATA_CHARS = 200;

    @Override
    public String toString() {
        String data = data();
        String shown = data.length() <= TO_STRING_DATA_CHARS
                ? data
                : data.substring(0, TO_STRING_DATA_CHARS) + "…(" + data.length() + " chars)";
        return "PusherEvent{event=" + event + (channel == null ? "" : ", channel=" + channel)
                + (userId == null ? "" : ", user_id=" + userId) + ", data=" + shown + "}";
    }
}
