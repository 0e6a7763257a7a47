package io.pusherj.transport.xhr.streaming;

import io.pusherj.testkit.TransportContract;
import org.junit.jupiter.api.Test;

/** The testkit's transport contract, which every transport must keep, applied to this one. */
class TransportContractTest {
    @Test
    void xhrStreamingKeepsTheTransportContract() {
        TransportContract.verify(new XhrStreamingTransportProvider(), "xhr_streaming");
    }
}
