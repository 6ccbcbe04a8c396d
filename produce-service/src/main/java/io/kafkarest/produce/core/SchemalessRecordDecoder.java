package io.kafkarest.produce.core;

import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.RestException;
import java.util.ArrayList;
import java.util.List;

/** Base of formats that decode each key and value on its own, without schemas (binary, json). */
public abstract class SchemalessRecordDecoder implements RecordDecoder {

    /**
     * Decodes one key or value.
     *
     * @param data  the embedded data, never {@code null} ({@link EmbeddedData#NULL} for JSON null)
     * @param field the name of the field for error messages, e.g. {@code records[0].key}
     * @return the bytes to write, or {@code null} for a null key or value
     * @throws RestException 422 naming the field when the data is not valid for this format
     */
    public abstract byte[] decode(EmbeddedData data, String field);

    @Override
    public DecodedRecords decode(EncodedRecords request) {
        List<ProduceRecord> out = new ArrayList<>(request.records().size());
        int i = 0;
        for (EncodedRecord record : request.records()) {
            byte[] key = decode(record.key(), "records[" + i + "].key");
            byte[] value = decode(record.value(), "records[" + i + "].value");
            out.add(new ProduceRecord(record.partition(), key, value));
            i++;
        }
        return new DecodedRecords(out, null, null);
    }

    protected static RestException invalid(String field, String problem) {
        return ErrorCode.UNPROCESSABLE_ENTITY.exception(field + " " + problem);
    }
}
