package io.kafkarest.schema;

/**
 * A schema as the Schema Registry knows it.
 *
 * @param id      the global schema id written into every record (Confluent's wire format)
 * @param subject the subject it was registered or found under, or {@code null} when looked up by id only
 * @param version its version under that subject, or {@code null} when not known
 * @param type    its type
 * @param text    its text
 */
public record RegisteredSchema(int id, String subject, Integer version, SchemaType type, String text) {
}
