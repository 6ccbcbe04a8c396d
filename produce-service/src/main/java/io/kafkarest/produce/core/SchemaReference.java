package io.kafkarest.produce.core;

/**
 * How a request names the schema of its keys or values: the full schema text, or a registered schema by id, or by
 * subject and version (v3). v3 may also name the subject or its naming strategy; otherwise the subject is
 * {@code <topic>-key} / {@code <topic>-value} (Confluent's TopicNameStrategy).
 *
 * @param schema              the schema text, or null
 * @param id                  a registered schema's id, or null
 * @param version             a version of the subject, or null
 * @param subject             the subject, or null for the strategy's
 * @param subjectNameStrategy TOPIC_NAME (default), RECORD_NAME or TOPIC_RECORD_NAME, or null
 */
public record SchemaReference(String schema, Integer id, Integer version, String subject, String subjectNameStrategy) {
    public static final SchemaReference NONE = new SchemaReference(null, null, null, null, null);

    /** A v1/v2 reference: schema text or id. */
    public SchemaReference(String schema, Integer id) {
        this(schema, id, null, null, null);
    }

    public boolean isEmpty() {
        return schema == null && id == null && version == null && subject == null;
    }
}
