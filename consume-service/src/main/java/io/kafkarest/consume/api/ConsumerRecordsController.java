package io.kafkarest.consume.api;

import io.kafkarest.consume.core.ConsumerConfig;
import io.kafkarest.consume.core.ConsumerInstance;
import io.kafkarest.consume.core.ConsumerManager;
import io.kafkarest.consume.core.ReadLimits;
import io.kafkarest.rest.KafkaMediaType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Reading records: v2 {@code GET .../records} from the subscription, v1 {@code GET .../topics/{topic}} (which
 * subscribes the instance to the topic on first use). The Accept header must name the instance's format.
 */
@Controller("/consumers")
@Produces({
    KafkaMediaType.BINARY_V2, KafkaMediaType.JSON_V2, KafkaMediaType.AVRO_V2, KafkaMediaType.JSONSCHEMA_V2,
    KafkaMediaType.PROTOBUF_V2, KafkaMediaType.BINARY_V1, KafkaMediaType.JSON_V1, KafkaMediaType.AVRO_V1,
    KafkaMediaType.V2_JSON, KafkaMediaType.V1_JSON, KafkaMediaType.KAFKA_JSON, MediaType.APPLICATION_JSON
})
public class ConsumerRecordsController {
    private final ConsumerManager manager;
    private final RecordFormats formats;
    private final ConsumerConfig config;

    ConsumerRecordsController(ConsumerManager manager, RecordFormats formats, ConsumerConfig config) {
        this.manager = manager;
        this.formats = formats;
        this.config = config;
    }

    @Get("/{group}/instances/{instance}/records")
    CompletableFuture<HttpResponse<byte[]>> records(HttpRequest<?> request, String group, String instance,
                                                          @Nullable @QueryValue Long timeout,
                                                          @Nullable @QueryValue("max_bytes") Long maxBytes) {
        ConsumerInstance consumer = manager.get(group, instance);
        String type = ConsumerMediaTypes.recordsType(request, consumer.settings().format(), 2);
        return read(consumer, type, timeout, maxBytes);
    }

    @Get("/{group}/instances/{instance}/topics/{topic}")
    CompletableFuture<HttpResponse<byte[]>> topicRecords(HttpRequest<?> request, String group,
                                                               String instance, String topic,
                                                               @Nullable @QueryValue("max_bytes") Long maxBytes) {
        ConsumerInstance consumer = manager.get(group, instance);
        String type = ConsumerMediaTypes.recordsType(request, consumer.settings().format(), 1);
        return consumer.subscribeIfUnsubscribed(topic)
                .thenCompose(v -> read(consumer, type, null, maxBytes));
    }

    private CompletableFuture<HttpResponse<byte[]>> read(ConsumerInstance consumer, String type,
                                                               Long timeoutMs, Long maxBytes) {
        // A negative or missing timeout means the instance's; no read outlasts the instance's idle timeout.
        Duration timeout = timeoutMs == null || timeoutMs < 0
                ? consumer.settings().requestTimeout() : Duration.ofMillis(timeoutMs);
        if (timeout.compareTo(config.instanceTimeout()) > 0) {
            timeout = config.instanceTimeout();
        }
        long max = maxBytes == null || maxBytes <= 0
                ? config.requestMaxBytes() : Math.min(maxBytes, config.requestMaxBytes());
        ReadLimits limits = new ReadLimits(timeout, max, consumer.settings().responseMinBytes());
        return consumer.read(limits, formats.converter(consumer.settings().format()))
                .thenApply(records -> HttpResponse.ok(RecordFormats.jsonArray(records)).contentType(type));
    }
}
