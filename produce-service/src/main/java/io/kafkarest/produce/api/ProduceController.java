package io.kafkarest.produce.api;

import io.kafkarest.produce.core.DecodedRecords;
import io.kafkarest.produce.core.EncodedRecords;
import io.kafkarest.produce.core.ProduceManager;
import io.kafkarest.produce.core.RecordFormat;
import io.kafkarest.produce.core.RecordSerializer;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.KafkaMediaType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.concurrent.CompletableFuture;

/**
 * v1/v2 produce: {@code POST /topics/{topic}} and {@code POST /topics/{topic}/partitions/{partition}}. The request
 * Content-Type names the embedded format (binary when it names none) and the API version, which only decides the
 * response Content-Type. Runs on the blocking executor: metadata and schema lookups and {@code Producer.send} may
 * block.
 */
@Controller("/topics")
@Consumes({
    KafkaMediaType.BINARY_V2, KafkaMediaType.JSON_V2, KafkaMediaType.BINARY_V1, KafkaMediaType.JSON_V1,
    KafkaMediaType.AVRO_V2, KafkaMediaType.AVRO_V1, KafkaMediaType.JSONSCHEMA_V2, KafkaMediaType.PROTOBUF_V2,
    KafkaMediaType.V2_JSON, KafkaMediaType.V1_JSON, KafkaMediaType.KAFKA_JSON,
    MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM
})
@Produces({KafkaMediaType.V2_JSON, KafkaMediaType.V1_JSON, KafkaMediaType.KAFKA_JSON, MediaType.APPLICATION_JSON})
public class ProduceController {
    private final ProduceManager manager;
    private final RecordSerializer serializer;

    public ProduceController(ProduceManager manager, RecordSerializer serializer) {
        this.manager = manager;
        this.serializer = serializer;
    }

    @Post("/{topic}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public CompletableFuture<HttpResponse<ProduceResponse>> produceToTopic(
            String topic, HttpRequest<?> request, @Nullable @Body byte[] body) {
        return produce(topic, null, request, body);
    }

    @Post("/{topic}/partitions/{partition}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public CompletableFuture<HttpResponse<ProduceResponse>> produceToPartition(
            String topic, int partition, HttpRequest<?> request, @Nullable @Body byte[] body) {
        return produce(topic, partition, request, body);
    }

    private CompletableFuture<HttpResponse<ProduceResponse>> produce(
            String topic, Integer partition, HttpRequest<?> request, byte[] body) {
        KafkaMediaType type = requestType(request);
        EncodedRecords encoded = ProduceRequestReader.read(body, partition);
        manager.checkTopic(topic); // an unknown topic answers before any schema is registered
        DecodedRecords decoded = serializer.serialize(topic, RecordFormat.of(type.formatOrBinary()), encoded);
        String responseType = responseType(type, request);
        return manager.produce(topic, decoded.records()).thenApply(results -> HttpResponse
                .ok(ProduceResponse.of(results, decoded.keySchemaId(), decoded.valueSchemaId()))
                .contentType(responseType));
    }

    private static KafkaMediaType requestType(HttpRequest<?> request) {
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        return KafkaMediaType.parse(contentType).orElseThrow(() -> ErrorCode.UNSUPPORTED_MEDIA_TYPE.exception(
                contentType == null ? "Content-Type is required, e.g. " + KafkaMediaType.BINARY_V2
                        : "Content-Type " + contentType + " is not supported"));
    }

    /** The request's API version decides; a request type without one (application/json) looks at Accept. */
    private static String responseType(KafkaMediaType requestType, HttpRequest<?> request) {
        if (requestType.apiVersion() != 0) {
            return requestType.responseType();
        }
        return request.getHeaders().accept().stream()
                .map(accepted -> KafkaMediaType.parse(accepted.getName()))
                .flatMap(java.util.Optional::stream)
                .filter(accepted -> accepted.apiVersion() == 1 || accepted.apiVersion() == 2)
                .findFirst()
                .map(KafkaMediaType::responseType)
                .orElse(KafkaMediaType.V2_JSON);
    }
}
