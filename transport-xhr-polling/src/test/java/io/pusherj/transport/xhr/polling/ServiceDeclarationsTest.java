package io.pusherj.transport.xhr.polling;

import io.pusherj.testkit.ServiceDeclarations;
import org.junit.jupiter.api.Test;

class ServiceDeclarationsTest {
    @Test
    void moduleInfoAndServiceFilesDeclareTheSameProvider() {
        ServiceDeclarations.assertConsistent(XhrPollingTransportProvider.class);
    }
}
