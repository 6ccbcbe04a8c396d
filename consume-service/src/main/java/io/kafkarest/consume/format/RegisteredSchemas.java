package io.kafkarest.consume.format;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kafkarest.consume.core.ConsumerException;
import io.kafkarest.schema.ConfluentSchemaRegistryClient;
import io.kafkarest.schema.RegisteredSchema;
import io.kafkarest.schema.SchemaRegistryException;
import io.kafkarest.schema.protobuf.ProtobufSchemaParser;
import jakarta.inject.Singleton;
import org.apache.avro.Schema;

/**
 * Schemas by registry id, parsed for decoding. A schema id never changes its schema, so each is fetched from the
 * registry once and kept (up to {@value #CACHE_SIZE} schemas); failures are not cached. Lookups block on the
 * registry: they run on a consumer instance's thread, never on the event loop.
 */
@Singleton
class RegisteredSchemas {
    static final int CACHE_SIZE = 10_000;

    private final ConfluentSchemaRegistryClient registry;
    private final Cache<Integer, DecodingSchema> byId = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

    RegisteredSchemas(ConfluentSchemaRegistryClient registry) {
        this.registry = registry;
    }

    /**
     * The schema with this id.
     *
     * @param where what is being decoded, for messages: e.g. "the value of record topic/0/12"
     * @throws ConsumerException {@code REGISTRY_UNAVAILABLE} when the registry cannot answer (or none is
     *                           configured), {@code DESERIALIZATION_FAILED} when it has no such schema or the
     *                           schema does not parse
     */
    DecodingSchema byId(int id, String where) {
        return byId.get(id, key -> fetch(id, where));
    }

    private DecodingSchema fetch(int id, String where) {
        RegisteredSchema schema;
        try {
            schema = registry.byId(id);
        } catch (SchemaRegistryException e) {
            if (e.kind() == SchemaRegistryException.Kind.UNAVAILABLE) {
                throw new ConsumerException(ConsumerException.Kind.REGISTRY_UNAVAILABLE,
                        "Cannot deserialize " + where + ": " + e.getMessage(), e);
            }
            throw failed(where, e.getMessage(), e);
        }
        if (schema == null) {
            throw failed(where, "schema id " + id + " is not in the Schema Registry at " + registry.url(), null);
        }
        try {
            return switch (schema.type()) {
                case AVRO -> new DecodingSchema.Avro(new Schema.Parser().parse(schema.text()));
                case JSON -> new DecodingSchema.Json();
                case PROTOBUF -> new DecodingSchema.Protobuf(ProtobufSchemaParser.parse(schema.text()).fileDescriptor());
            };
        } catch (RuntimeException e) {
            throw failed(where, "its " + schema.type() + " schema " + id + " does not parse: " + e.getMessage(), e);
        }
    }

    private static ConsumerException failed(String where, String problem, Throwable cause) {
        return new ConsumerException(ConsumerException.Kind.DESERIALIZATION_FAILED,
                "Cannot deserialize " + where + ": " + problem, cause);
    }
}
