package io.kafkarest.produce.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkarest.produce.core.RecordResult;
import io.kafkarest.rest.ErrorCode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.apache.kafka.common.errors.RetriableException;

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

        /** A failed record carries 50003 when Kafka says retrying may succeed, else 50002 (Confluent's codes). */
        static PartitionOffset of(RecordResult result) {
            if (result.succeeded()) {
                return new PartitionOffset(result.partition(), result.offset(), null, null);
            }
            Throwable failure = result.failure();
            ErrorCode code = failure instanceof RetriableException ? ErrorCode.KAFKA_RETRIABLE_ERROR : ErrorCode.KAFKA_ERROR;
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return new PartitionOffset(result.partition(), null, code.code(), message);
        }
    }

    static ProduceResponse of(List<RecordResult> results, Integer keySchemaId, Integer valueSchemaId) {
        return new ProduceResponse(results.stream().map(PartitionOffset::of).toList(), keySchemaId, valueSchemaId);
    }
}
