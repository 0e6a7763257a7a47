package io.pusherj.transport.ws;

import io.pusherj.testkit.TransportContract;
import org.junit.jupiter.api.Test;

/** The testkit's transport contract, which every transport must keep, applied to this one. */
class TransportContractTest {
    @Test
    void wsKeepsTheTransportContract() {
        TransportContract.verify(new WebSocketTransportProvider(), "ws");
    }
}
