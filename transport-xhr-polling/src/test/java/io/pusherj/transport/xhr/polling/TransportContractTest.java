package io.pusherj.transport.xhr.polling;

import io.pusherj.testkit.TransportContract;
import org.junit.jupiter.api.Test;

/** The testkit's transport contract, which every transport must keep, applied to this one. */
class TransportContractTest {
    @Test
    void xhrPollingKeepsTheTransportContract() {
        TransportContract.verify(new XhrPollingTransportProvider(), "xhr_polling");
    }
}
