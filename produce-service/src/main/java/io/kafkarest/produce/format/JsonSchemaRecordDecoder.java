package io.kafkarest.produce.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kafkarest.produce.core.EmbeddedData;
import io.kafkarest.produce.core.ParsedSchema;
import io.kafkarest.produce.core.ProduceException;
import io.kafkarest.produce.core.RecordDecoder;
import io.kafkarest.produce.core.RecordFormat;
import io.kafkarest.schema.SchemaType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The jsonschema format: any JSON value, validated against the JSON Schema (draft-07 unless the schema's
 * {@code $schema} names another dialect) and written as its compact UTF-8 JSON text.
 */
@Singleton
public class JsonSchemaRecordDecoder implements RecordDecoder {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final SchemaRegistry dialects = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    @Override
    public RecordFormat format() {
        return RecordFormat.JSONSCHEMA;
    }

    @Override
    public ParsedSchema parseSchema(String schema) {
        try {
            JsonNode node = MAPPER.readTree(schema);
            if (node == null || !(node.isObject() || node.isBoolean())) {
                throw new IllegalArgumentException("a JSON Schema is a JSON object");
            }
            Schema parsed = dialects.getSchema(schema, InputFormat.JSON);
            parsed.initializeValidators();
            return new JsonSchema(parsed, MAPPER.writeValueAsString(node),
                    node.path("title").isTextual() ? node.get("title").asText() : null);
        } catch (IOException | RuntimeException e) {
            throw new ProduceException(ProduceException.Kind.INVALID_SCHEMA, "Invalid JSON Schema: " + e.getMessage());
        }
    }

    @Override
    public byte[] decode(EmbeddedData data, ParsedSchema schema, String field) {
        byte[] json = data.toJson();
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw ProduceException.invalidData(field, "is not JSON: " + e.getMessage());
        }
        List<Error> errors = ((JsonSchema) schema).schema.validate(node);
        if (!errors.isEmpty()) {
            throw ProduceException.invalidData(field, "does not match the JSON Schema: "
                    + errors.stream().map(Error::toString).collect(Collectors.joining("; ")));
        }
        return json;
    }

    /** A parsed JSON Schema; {@code title} names the record for the RECORD_NAME strategies. */
    record JsonSchema(Schema schema, String text, String recordName) implements ParsedSchema {
        @Override
        public SchemaType type() {
            return SchemaType.JSON;
        }
    }
}
