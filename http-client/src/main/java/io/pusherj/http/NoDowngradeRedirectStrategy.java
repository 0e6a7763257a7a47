package io.pusherj.http;

import java.net.URI;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Follows redirects as a browser would for pusher-js (HttpClient's default rules: 307/308 keep the method
 * and body, no circular redirects, sensitive headers not sent to another host), except from https to plain
 * http: an auth request or a fallback session that the user sent over TLS never continues in clear text.
 */
final class NoDowngradeRedirectStrategy extends DefaultRedirectStrategy {
    @Override
    public URI getLocationURI(HttpRequest request, HttpResponse response, HttpContext context) throws HttpException {
        URI location = super.getLocationURI(request, response, context);
        if ("https".equalsIgnoreCase(request.getScheme()) && "http".equalsIgnoreCase(location.getScheme())) {
            throw new RedirectException("refused a redirect from https to plain http: " + location);
        }
        return location;
    }
}
