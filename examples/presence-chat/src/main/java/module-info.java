/** A presence chat on pusherj's local test server: the example app of the README. */
module io.pusherj.examples.chat {
    requires io.pusherj.api;
    requires io.pusherj.server;

    exports io.pusherj.examples.chat;
}
