package io.pusherj.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * An app server's auth endpoint, signing with the app secret: {@code POST /pusher/auth} (ajax, form
 * body) and {@code GET /pusher/auth?callback=NAME&...} (jsonp). Presence users come from the
 * {@code user_id} and {@code user_name} parameters (defaults derived from the socket id).
 */
final class AuthEndpointHandler extends Handler.Abstract {
    static final String CHANNEL_AUTH_PATH = "/pusher/auth";

    private final PusherTestServer server;

    AuthEndpointHandler(PusherTestServer server) {
        this.server = server;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!CHANNEL_AUTH_PATH.equals(path)) {
            return RestApiHandler.reply(response, callback, 404, "{\"error\":\"not found\"}");
        }
        Fields fields = Request.getParameters(request);
        Map<String, String> params = new LinkedHashMap<>();
        fields.forEach(f -> params.put(f.getName(), f.getValue()));
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField h : request.getHeaders()) {
            headers.put(h.getLowerCaseName(), h.getValue());
        }
        server.recordAuthRequest(new ReceivedAuthRequest(request.getMethod(), path, params, headers));
        String channel = params.getOrDefault("channel_name", "");
        String socketId = params.getOrDefault("socket_id", "");
        String callbackName = params.get("callback");
        AuthFault fault = server.authFaultFor(channel);
        Runnable answer = () -> {
            if (fault != null && fault.status() != 0) {
                // "CALLBACK" in a fault body stands for the JSONP callback name of this request.
                String body = callbackName == null ? fault.body() : fault.body().replace("CALLBACK", callbackName);
                RestApiHandler.reply(response, callback, fault.status(), fault.contentType(), body);
                return;
            }
            String json = server.signChannel(socketId, channel, params);
            if (json == null) {
                RestApiHandler.reply(response, callback, 403, "{\"error\":\"cannot authorize '" + channel.replace("\"", "") + "'\"}");
            } else if (callbackName != null) {
                RestApiHandler.reply(response, callback, 200, "application/javascript", callbackName + "(" + json + ");");
            } else {
                RestApiHandler.reply(response, callback, 200, json);
            }
        };
        if (fault != null && !fault.delay().isZero()) {
            server.schedule(answer, fault.delay().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            answer.run();
        }
        return true;
    }
}
