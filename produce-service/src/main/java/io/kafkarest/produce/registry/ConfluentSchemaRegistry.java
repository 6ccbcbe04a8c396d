package io.kafkarest.produce.registry;

import io.kafkarest.produce.core.ProduceException;
import io.kafkarest.produce.core.SchemaRegistry;
import io.kafkarest.schema.ConfluentSchemaRegistryClient;
import io.kafkarest.schema.RegisteredSchema;
import io.kafkarest.schema.SchemaRegistryException;
import io.kafkarest.schema.SchemaType;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * {@link SchemaRegistry} over the shared {@link ConfluentSchemaRegistryClient}: the registry's refusals become
 * {@code INVALID_SCHEMA}, everything else {@code REGISTRY_UNAVAILABLE}.
 */
@Singleton
public class ConfluentSchemaRegistry implements SchemaRegistry {
    private final ConfluentSchemaRegistryClient client;

    public ConfluentSchemaRegistry(ConfluentSchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public int register(String subject, SchemaType type, String schema) {
        return call(() -> client.register(subject, type, schema));
    }

    @Override
    public RegisteredSchema byId(int id) {
        RegisteredSchema schema = call(() -> client.byId(id));
        if (schema == null) {
            throw new ProduceException(ProduceException.Kind.INVALID_SCHEMA,
                    "Schema " + id + " not found in the Schema Registry.");
        }
        return schema;
    }

    @Override
    public RegisteredSchema version(String subject, Integer version) {
        return call(() -> client.version(subject, version));
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (SchemaRegistryException e) {
            throw new ProduceException(e.kind() == SchemaRegistryException.Kind.REFUSED
                    ? ProduceException.Kind.INVALID_SCHEMA : ProduceException.Kind.REGISTRY_UNAVAILABLE,
                    e.getMessage(), e);
        }
    }
}
