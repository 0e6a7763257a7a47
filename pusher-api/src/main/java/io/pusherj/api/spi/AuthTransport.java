package io.pusherj.api.spi;

import java.util.concurrent.CompletionStage;

/**
 * Fetches an auth response over some transport. It only moves bytes: the core builds the parameters
 * and parses and validates the body (docs/architecture.md §2). Implementations must not block the caller
 * and must complete the stage within the request's timeout.
 */
public interface AuthTransport extends AutoCloseable {
    /**
     * Sends one request.
     *
     * @param request what to send
     * @return the status and body; completed exceptionally only when no response arrived (network
     *     failure, timeout), with a message that names the endpoint but no credential
     */
    CompletionStage<AuthResponse> request(AuthRequest request);

    /** Releases what the transport holds for its client. */
    @Override
    void close();
}
