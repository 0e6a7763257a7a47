package io.pusherj.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Buffers a response body up to a limit and fails the exchange beyond it: an auth endpoint that answers
 * with megabytes (a misrouted download, a hostile server) must not fill the client's memory. HttpClient's
 * own {@code SimpleResponseConsumer} has no limit, so every response pusherj buffers goes through this.
 */
public final class BoundedResponseConsumer extends AbstractBinResponseConsumer<SimpleHttpResponse> {
    private final int maxBytes;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private HttpResponse head;
    private ContentType contentType;

    /**
     * A consumer for one response.
     *
     * @param maxBytes the largest body accepted
     */
    public BoundedResponseConsumer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void start(HttpResponse response, ContentType type) {
        head = response;
        contentType = type;
    }

    @Override
    protected int capacityIncrement() {
        return maxBytes;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        if (body.size() + src.remaining() > maxBytes) {
            throw new ResponseTooLargeException(maxBytes);
        }
        byte[] chunk = new byte[src.remaining()];
        src.get(chunk);
        body.write(chunk);
    }

    @Override
    protected SimpleHttpResponse buildResult() {
        SimpleHttpResponse response = SimpleHttpResponse.copy(head);
        response.setBody(body.toByteArray(), contentType);
        return response;
    }

    @Override
    public void releaseResources() {
        body.reset();
    }

    /** The body passed the limit. */
    static final class ResponseTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        ResponseTooLargeException(int maxBytes) {
            super("the response is larger than " + maxBytes + " bytes");
        }
    }
}
