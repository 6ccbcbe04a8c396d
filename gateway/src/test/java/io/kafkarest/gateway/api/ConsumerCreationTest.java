package io.kafkarest.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.gateway.core.ConsumerInstanceKey;
import io.kafkarest.gateway.core.Endpoint;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

class ConsumerCreationTest {
    private final ConsumerInstanceKey key = new ConsumerInstanceKey("my group", "c1");

    @Test
    void theOwnerIsTheNodeThatBaseUriNames() {
        Endpoint owner = ConsumerCreation.ownerNamedBy(
                JsonNode.createStringNode("http://10.0.0.5:8083/consumers/my%20group/instances/c1"), key).orElseThrow();
        assertEquals("http://10.0.0.5:8083", owner.baseUri());
    }

    @Test
    void aPathPrefixAndDefaultPortsAreKept() {
        Endpoint owner = ConsumerCreation.ownerNamedBy(
                JsonNode.createStringNode("https://node-2.example/rest/consumers/my%20group/instances/c1"), key).orElseThrow();
        assertEquals("https://node-2.example:443/rest", owner.baseUri());
    }

    @Test
    void noUsableBaseUriNamesNoOwner() {
        assertTrue(ConsumerCreation.ownerNamedBy(null, key).isEmpty());
        assertTrue(ConsumerCreation.ownerNamedBy(JsonNode.createNumberNode(1), key).isEmpty());
        assertTrue(ConsumerCreation.ownerNamedBy(JsonNode.createStringNode("not a uri at all"), key).isEmpty());
        assertTrue(ConsumerCreation.ownerNamedBy(
                JsonNode.createStringNode("http://10.0.0.5:8083/consumers/other/instances/c1"), key).isEmpty(),
                "a base_uri for another instance is not trusted");
    }
}
