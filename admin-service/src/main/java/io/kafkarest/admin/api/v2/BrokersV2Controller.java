package io.kafkarest.admin.api.v2;

import io.kafkarest.admin.core.BrokerInfo;
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
    private final ClusterManager cluster;

    public BrokersV2Controller(ClusterManager cluster) {
        this.cluster = cluster;
    }

    @Get
    public CompletableFuture<V2Wire.BrokerList> list() {
        return cluster.listBrokers().thenApply(b -> new V2Wire.BrokerList(b.stream().map(BrokerInfo::id).toList()));
    }
}
