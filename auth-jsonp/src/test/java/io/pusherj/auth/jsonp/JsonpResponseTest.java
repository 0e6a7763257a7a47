package io.pusherj.auth.jsonp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pusherj.testkit.ServiceDeclarations;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonpResponseTest {
    @Test
    void takesTheJsonBetweenTheCallbackAndTheLastParenthesis() {
        assertEquals(Optional.of("{\"auth\":\"k:s\"}"), JsonpResponse.extract("cb1({\"auth\":\"k:s\"});", "cb1"));
        assertEquals(Optional.of("{\"a\":\"(x)\"}"), JsonpResponse.extract(" /**/ cb1( {\"a\":\"(x)\"} ) \n", "cb1"));
    }

    @Test
    void anythingElseIsRefusedAndNothingIsEvaluated() {
        assertEquals(Optional.empty(), JsonpResponse.extract("{\"auth\":\"k:s\"}", "cb1"));
        assertEquals(Optional.empty(), JsonpResponse.extract("other({\"auth\":\"k:s\"});", "cb1"));
        assertEquals(Optional.empty(), JsonpResponse.extract("alert(1);cb1({});", "cb1"));
        // Everything up to the last ')' is taken (the rule of docs/protocol.md §8.5); it is not JSON, so the core's
        // JSON-only parse refuses it: nothing is executed either way.
        assertEquals(Optional.of("{});alert(1"), JsonpResponse.extract("cb1({});alert(1)", "cb1"));
        assertEquals(Optional.empty(), JsonpResponse.extract("<html>cb1(</html>", "cb1"));
        assertEquals(Optional.empty(), JsonpResponse.extract("", "cb1"));
    }

    @Test
    void moduleInfoAndServiceFilesDeclareTheSameProvider() {
        ServiceDeclarations.assertConsistent(JsonpAuthTransportProvider.class);
    }
}
