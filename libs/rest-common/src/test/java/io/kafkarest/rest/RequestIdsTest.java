package io.kafkarest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void generatedIdsAreDistinctVersion4Uuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.generate();
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertTrue(RequestIds.isValid(id), id);
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
    }

    @Test
    void aSaneIdSentIsKeptAndAnInsaneOneReplaced() {
        assertEquals("abc-123", RequestIds.acceptOrGenerate("abc-123"));
        String replaced = RequestIds.acceptOrGenerate("has space");
        assertEquals(4, UUID.fromString(replaced).version());
    }
}
