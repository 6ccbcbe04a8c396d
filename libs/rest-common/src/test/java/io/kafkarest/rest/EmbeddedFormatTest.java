package io.kafkarest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedFormatTest {

    @ParameterizedTest
    @EnumSource(EmbeddedFormat.class)
    void wireNameRoundTrips(EmbeddedFormat format) {
        assertEquals(format.name().toLowerCase(), format.wireName());
        assertEquals(Optional.of(format), EmbeddedFormat.fromWireName(format.wireName()));
    }

    @Test
    void wireNamesAreTheDocumentedOnes() {
        assertEquals("binary", EmbeddedFormat.BINARY.wireName());
        assertEquals("json", EmbeddedFormat.JSON.wireName());
        assertEquals("avro", EmbeddedFormat.AVRO.wireName());
        assertEquals("jsonschema", EmbeddedFormat.JSONSCHEMA.wireName());
        assertEquals("protobuf", EmbeddedFormat.PROTOBUF.wireName());
    }

    @Test
    void fromWireNameIgnoresCaseAndSurroundingBlanks() {
        assertEquals(Optional.of(EmbeddedFormat.AVRO), EmbeddedFormat.fromWireName("AVRO"));
        assertEquals(Optional.of(EmbeddedFormat.JSONSCHEMA), EmbeddedFormat.fromWireName(" JsonSchema "));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"xml", "string", "json-schema", "bin", " "})
    void unknownNamesAreEmpty(String name) {
        assertEquals(Optional.empty(), EmbeddedFormat.fromWireName(name));
    }
}
