/**
 * A consumer application for the module tests: it reports which transports pusherj discovers on its path,
 * and what its metrics and Flow publishers see.
 */
module io.pusherj.moduletests {
    requires io.pusherj.api;
    // Observability alone uses it; Discovery runs without it in the smaller module sets.
    requires static io.pusherj.micrometer;
}
