package io.pusherj.examples.jdkws;

import io.pusherj.testkit.ServiceDeclarations;
import io.pusherj.testkit.TransportContract;
import org.junit.jupiter.api.Test;

class JdkWebSocketTransportTest {
    @Test
    void keepsTheTransportContract() {
        TransportContract.verify(new JdkWebSocketTransportProvider(), "ws");
    }

    @Test
    void moduleInfoAndServiceFilesDeclareTheSameProvider() {
        ServiceDeclarations.assertConsistent(JdkWebSocketTransportProvider.class);
    }
}
