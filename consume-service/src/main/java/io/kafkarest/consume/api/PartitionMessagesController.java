package io.kafkarest.consume.api;

import io.kafkarest.consume.core.ConsumerConfig;
import io.kafkarest.consume.core.PartitionReader;
import io.kafkarest.rest.EmbeddedFormat;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.KafkaMediaType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import java.util.concurrent.CompletableFuture;

/**
 * v1/v2 read by offset: {@code GET /topics/{topic}/partitions/{partition}/messages?offset=&count=}, the
 * consumer-less read Confluent's proxy had until 6.0. The Accept header picks the embedded format (binary when it
 * names none); the answer is a JSON array of records as a consumer instance would read them.
 */
@Controller("/topics/{topic}/partitions/{partition}/messages")
@Produces({
    KafkaMediaType.BINARY_V2, KafkaMediaType.JSON_V2, KafkaMediaType.AVRO_V2, KafkaMediaType.JSONSCHEMA_V2,
    KafkaMediaType.PROTOBUF_V2, KafkaMediaType.BINARY_V1, KafkaMediaType.JSON_V1, KafkaMediaType.AVRO_V1,
    KafkaMediaType.V2_JSON, KafkaMediaType.V1_JSON, KafkaMediaType.KAFKA_JSON, MediaType.APPLICATION_JSON
})
public class PartitionMessagesController {
    private final PartitionReader reader;
    private final RecordFormats formats;
    private final ConsumerConfig config;

    PartitionMessagesController(PartitionReader reader, RecordFormats formats, ConsumerConfig config) {
        this.reader = reader;
        this.formats = formats;
        this.config = config;
    }

    @Get
    CompletableFuture<HttpResponse<byte[]>> messages(HttpRequest<?> request, String topic, int partition,
                                                           @Nullable @QueryValue Long offset,
                                                           @Nullable @QueryValue Integer count) {
        if (offset == null || offset < 0) {
            throw ErrorCode.UNPROCESSABLE_ENTITY.exception("offset is required: the first offset to read, 0 or more");
        }
        if (count != null && count < 1) {
            throw ErrorCode.UNPROCESSABLE_ENTITY.exception("count must be at least 1 (got " + count + ")");
        }
        EmbeddedFormat format = ConsumerMediaTypes.requestedFormat(request);
        String type = ConsumerMediaTypes.recordsType(format, ConsumerMediaTypes.apiVersion(request));
        return reader.read(topic, partition, offset, count == null ? 1 : count, config.requestMaxBytes(),
                        formats.converter(format))
                .thenApply(records -> HttpResponse.ok(RecordFormats.jsonArray(records)).contentType(type));
    }
}
