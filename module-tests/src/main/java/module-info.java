/**
 * A consumer application for the module tests: it reports which transports pusherj discovers on its path.
 */
module io.pusherj.moduletests {
    requires io.pusherj.api;
}
