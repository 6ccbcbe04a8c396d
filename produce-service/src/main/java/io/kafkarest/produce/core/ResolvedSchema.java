package io.kafkarest.produce.core;

import io.kafkarest.schema.RegisteredSchema;

/** A schema ready for use: registered ({@link #registered()}) and parsed ({@link #parsed()}). */
public record ResolvedSchema(RegisteredSchema registered, ParsedSchema parsed) {
    public int id() {
        return registered.id();
    }
}
