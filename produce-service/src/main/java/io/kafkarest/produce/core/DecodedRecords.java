package io.kafkarest.produce.core;

import java.util.List;

/**
 * The records of one produce request in Kafka form, with the ids of the schemas used (null for schemaless
 * formats and for keys or values that were not used).
 */
public record DecodedRecords(List<ProduceRecord> records, Integer keySchemaId, Integer valueSchemaId) {
    public DecodedRecords {
        records = List.copyOf(records);
    }
}
