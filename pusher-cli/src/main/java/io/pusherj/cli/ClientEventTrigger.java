package io.pusherj.cli;

import io.pusherj.api.Channel;
import io.pusherj.api.ConnectionError;
import io.pusherj.api.PrivateChannel;
import io.pusherj.api.TriggerResult;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code --trigger CHANNEL:EVENT:JSON}: a client event sent once its channel is subscribed.
 *
 * @param channel the channel (channel names cannot contain ':')
 * @param event the client event name
 * @param data the data
 */
record ClientEventTrigger(String channel, String event, JsonValue data) {
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Parses the option value; invalid values are usage errors. */
    static ClientEventTrigger parse(String spec) {
        int first = spec.indexOf(':');
        int second = first < 0 ? -1 : spec.indexOf(':', first + 1);
        if (first <= 0 || second <= first + 1) {
            throw new IllegalArgumentException("--trigger must be CHANNEL:EVENT:JSON, got '" + spec + "'");
        }
        JsonValue data;
        try (var r = JSON.createReader(new StringReader(spec.substring(second + 1)))) {
            data = r.readValue();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--trigger data is not JSON: " + spec.substring(second + 1), e);
        }
        return new ClientEventTrigger(spec.substring(0, first), spec.substring(first + 1, second), data);
    }

    /** Sends the event; a refusal is printed as an error line. */
    void send(Channel target, JsonLines out) {
        TriggerResult result =
                target instanceof PrivateChannel p ? p.trigger(event, data) : TriggerResult.NOT_SUBSCRIBED;
        if (result != TriggerResult.SENT) {
            out.error(new ConnectionError(
                    ConnectionError.Type.PUSHER_ERROR,
                    OptionalInt.empty(),
                    "client event " + event + " on " + channel + " not sent: " + result
                            + (target instanceof PrivateChannel
                                    ? ""
                                    : " (client events need a private or presence channel)"),
                    Optional.empty(),
                    Optional.empty()));
        }
    }
}
