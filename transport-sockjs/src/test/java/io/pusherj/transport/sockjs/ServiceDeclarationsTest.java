package io.pusherj.transport.sockjs;

import io.pusherj.testkit.ServiceDeclarations;
import org.junit.jupiter.api.Test;

class ServiceDeclarationsTest {
    @Test
    void moduleInfoAndServiceFilesDeclareTheSameProvider() {
        ServiceDeclarations.assertConsistent(SockJsTransportProvider.class);
    }
}
