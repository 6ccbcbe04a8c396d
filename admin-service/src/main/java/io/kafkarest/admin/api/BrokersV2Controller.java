package io.kafkarest.admin.api;

import io.kafkarest.admin.core.ClusterManager;
import io.kafkarest.rest.KafkaMediaType;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.concurrent.CompletableFuture;

/** v1/v2 {@code GET /brokers}: the ids of the live brokers. */
@Controller("/brokers")
@Produces({KafkaMediaType.V2_JSON, KafkaMediaType.V1_JSON, KafkaMediaType.KAFKA_JSON, MediaType.APPLICATION_JSON})
public class BrokersV2Controller {
    private final ClusterManager clusters;

    public BrokersV2Controller(ClusterManager clusters) {
        this.clusters = clusters;
    }

    @Get
    public CompletableFuture<V2Wire.BrokerList> list() {
        return clusters.describeCluster().thenApply(c -> new V2Wire.BrokerList(c.brokerIds()));
    }
}
