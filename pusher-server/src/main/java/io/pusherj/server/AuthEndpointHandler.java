package io.pusherj.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * An app server's auth endpoints, signing with the app secret: {@code POST /pusher/auth} (ajax, form
 * body) and {@code GET /pusher/auth?callback=NAME&...} (jsonp) for channels, and the same on
 * {@code /pusher/user-auth} for sign-in. Users come from the {@code user_id}, {@code user_name} and
 * (sign-in) comma-separated {@code watchlist} parameters; defaults derive from the socket id. Faults
 * for sign-in are registered under the channel name {@code /pusher/user-auth}.
 */
final class AuthEndpointHandler extends Handler.Abstract {
    static final String CHANNEL_AUTH_PATH = "/pusher/auth";
    static final String USER_AUTH_PATH = "/pusher/user-auth";

    private final PusherTestServer server;

    AuthEndpointHandler(PusherTestServer server) {
        this.server = server;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        boolean userAuth = USER_AUTH_PATH.equals(path);
        if (!CHANNEL_AUTH_PATH.equals(path) && !userAuth) {
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
        String channel = userAuth ? USER_AUTH_PATH : params.getOrDefault("channel_name", "");
        String socketId = params.getOrDefault("socket_id", "");
        String callbackName = params.get("callback");
        AuthFault fault = server.faults().authFaultFor(channel);
        Runnable answer = () -> {
            if (fault != null && fault.status() != 0) {
                // "CALLBACK" in a fault body stands for the JSONP callback name of this request.
                String body = callbackName == null ? fault.body() : fault.body().replace("CALLBACK", callbackName);
                if (!fault.location().isEmpty()) {
                    // "QUERY" in a fault's location stands for this request's query string.
                    String query = request.getHttpURI().getQuery();
                    response.getHeaders()
                            .put(HttpHeader.LOCATION, fault.location().replace("QUERY", query == null ? "" : query));
                }
                RestApiHandler.reply(response, callback, fault.status(), fault.contentType(), body);
                return;
            }
            String json = userAuth
                    ? server.signer().signUser(socketId, params)
                    : server.signer().signChannel(socketId, channel, params);
            if (json == null) {
                RestApiHandler.reply(
                        response,
                        callback,
                        403,
                        "{\"error\":\"cannot authorize '" + channel.replace("\"", "") + "'\"}");
            } else if (callbackName != null) {
                RestApiHandler.reply(
                        response, callback, 200, "application/javascript", callbackName + "(" + json + ");");
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
