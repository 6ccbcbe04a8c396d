package io.kafkarest.consume.format;

import io.kafkarest.schema.ConfluentSchemaRegistryClient;
import io.kafkarest.schema.SchemaRegistrySettings;
import java.time.Duration;

/** Decoders for tests of other packages. */
public final class RegisteredSchemasForTests {
    private RegisteredSchemasForTests() {
    }

    /** A decoder whose schema formats answer "no Schema Registry is configured". */
    public static RecordDecoder decoderWithoutRegistry() {
        return new RecordDecoder(new RegisteredSchemas(
                new ConfluentSchemaRegistryClient(new SchemaRegistrySettings(null, Duration.ofSeconds(1)))));
    }
}
