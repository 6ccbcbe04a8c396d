package io.kafkarest.produce.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkarest.produce.core.RecordResult;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The v1/v2 produce response:
 * {@code {"offsets":[{"partition":0,"offset":12,"error_code":null,"error":null}],"key_schema_id":null,"value_schema_id":null}}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProduceResponse(
        List<PartitionOffset> offsets,
        @JsonProperty("key_schema_id") Integer keySchemaId,
        @JsonProperty("value_schema_id") Integer valueSchemaId) {

    /** Where one record went, or (error_code 50002 / 50003 and error) why it was not written. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PartitionOffset(
            Integer partition,
            Long offset,
            @JsonProperty("error_code") Integer errorCode,
            String error) {

        static PartitionOffset of(RecordResult result) {
            return new PartitionOffset(result.partition(), result.offset(),
                    result.errorCode() == null ? null : result.errorCode().code(), result.error());
        }
    }

    static ProduceResponse of(List<RecordResult> results, Integer keySchemaId, Integer valueSchemaId) {
        return new ProduceResponse(results.stream().map(PartitionOffset::of).toList(), keySchemaId, valueSchemaId);
    }
}
