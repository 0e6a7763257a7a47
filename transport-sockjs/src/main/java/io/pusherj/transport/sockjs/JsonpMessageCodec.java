package io.pusherj.transport.sockjs;

import io.pusherj.api.spi.Transport;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.springframework.web.socket.sockjs.frame.AbstractSockJsMessageCodec;

/** Spring's SockJS frames encoded with JSON-P instead of Jackson, so the module needs no Jackson. */
final class JsonpMessageCodec extends AbstractSockJsMessageCodec {
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final System.Logger LOG = System.getLogger(JsonpMessageCodec.class.getName());

    /**
     * Decoded in place of a frame that is not a message array or is over {@link Transport#MAX_MESSAGE_BYTES}
     * (compared by identity: a new instance no server message can be). Throwing instead would make Spring
     * close the session silently, without telling the socket, which would then wait forever.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String UNDECODABLE = new String("undecodable SockJS frame");

    @Override
    protected char[] applyJsonQuoting(String content) {
        String quoted = JSON.createValue(content).toString(); // "…" with JSON escapes
        return quoted.substring(1, quoted.length() - 1).toCharArray();
    }

    @Override
    public String[] decode(String content) throws IOException {
        if (content.length() > Transport.MAX_MESSAGE_BYTES) { // chars: at least as many bytes
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "a SockJS frame of {0} chars is over the limit of {1} bytes",
                    content.length(),
                    Transport.MAX_MESSAGE_BYTES);
            return new String[] {UNDECODABLE};
        }
        try (var r = JSON.createReader(new StringReader(content))) {
            JsonArray array = r.readArray();
            // Message frames hold strings; a close frame holds [code, "reason"], which Spring reads as text too.
            return array.stream()
                    .map(v -> v instanceof JsonString s ? s.getString() : v.toString())
                    .toArray(String[]::new);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "not a SockJS message array: {0}",
                    content.length() > 80 ? content.substring(0, 80) + "…" : content);
            return new String[] {UNDECODABLE};
        }
    }

    @Override
    public String[] decodeInputStream(InputStream content) throws IOException {
        return decode(new String(content.readAllBytes(), StandardCharsets.UTF_8));
    }
}
