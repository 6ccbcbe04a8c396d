package io.kafkarest.admin;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Build-time OpenAPI description (META-INF/swagger/admin-service.yml); the gateway serves all services' merged. */
@OpenAPIDefinition(info = @Info(title = "Kafka REST admin-service", version = "0.1.0",
        description = "Kafka REST Proxy v1/v2 topic, partition and broker metadata and the v3 admin API (clusters, brokers, configs, topics, partitions, consumer groups, ACLs)."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
