package io.kafkarest.produce.core;

import java.util.List;

/** The records of one produce request before decoding, with the schemas the request names (if any). */
public record EncodedRecords(List<EncodedRecord> records, SchemaReference keySchema, SchemaReference valueSchema) {
    public EncodedRecords {
        records = List.copyOf(records);
    }

    public EncodedRecords(List<EncodedRecord> records) {
        this(records, SchemaReference.NONE, SchemaReference.NONE);
    }
}
