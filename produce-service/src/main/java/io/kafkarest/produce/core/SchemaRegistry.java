package io.kafkarest.produce.core;

import io.kafkarest.schema.RegisteredSchema;
import io.kafkarest.schema.SchemaType;

/**
 * The Schema Registry's Confluent-compatible API, as far as producing needs it. Calls block (they are made off the
 * event loop) and are not cached here; {@link SchemaResolver} caches. Failures are {@link ProduceException}s:
 * {@code INVALID_SCHEMA} for what the registry refuses or does not have, {@code REGISTRY_UNAVAILABLE} otherwise.
 */
public interface SchemaRegistry {

    /** Registers the schema under the subject (or finds it registered already) and answers its id. */
    int register(String subject, SchemaType type, String schema);

    /** The schema with this global id; {@code INVALID_SCHEMA} when there is none. */
    RegisteredSchema byId(int id);

    /**
     * The given version of the subject's schema, or its latest version when {@code version} is null; {@code null}
     * when the subject or that version does not exist.
     */
    RegisteredSchema version(String subject, Integer version);
}
