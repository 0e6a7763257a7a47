package io.pusherj.transport.sockjs;

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

    @Override
    protected char[] applyJsonQuoting(String content) {
        String quoted = JSON.createValue(content).toString(); // "…" with JSON escapes
        return quoted.substring(1, quoted.length() - 1).toCharArray();
    }

    @Override
    public String[] decode(String content) throws IOException {
        try (var r = JSON.createReader(new StringReader(content))) {
            JsonArray array = r.readArray();
            // Message frames hold strings; a close frame holds [code, "reason"], which Spring reads as text too.
            return array.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toArray(String[]::new);
        } catch (RuntimeException e) {
            throw new IOException("not a SockJS message array: " + content, e);
        }
    }

    @Override
    public String[] decodeInputStream(InputStream content) throws IOException {
        return decode(new String(content.readAllBytes(), StandardCharsets.UTF_8));
    }
}
