package io.pusherj.http;

import io.pusherj.testkit.ServiceDeclarations;
import org.junit.jupiter.api.Test;

class ServiceDeclarationsTest {
    @Test
    void moduleInfoAndServiceFilesDeclareTheSameProvider() {
        ServiceDeclarations.assertConsistent(HttpStatsTransportProvider.class);
    }
}
