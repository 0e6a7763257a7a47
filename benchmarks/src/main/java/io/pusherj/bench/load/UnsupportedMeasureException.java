package io.pusherj.bench.load;

/** The library cannot take part in a measure (the official client has no HTTP fallback, for instance). */
final class UnsupportedMeasureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedMeasureException(String message) {
        super(message);
    }
}
