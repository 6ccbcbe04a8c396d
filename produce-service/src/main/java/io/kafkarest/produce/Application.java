package io.kafkarest.produce;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Build-time OpenAPI description (META-INF/swagger/produce-service.yml); the gateway serves all services' merged. */
@OpenAPIDefinition(info = @Info(title = "Kafka REST produce-service", version = "0.1.0",
        description = "Kafka REST Proxy v1/v2 produce (POST /topics/{topic}[/partitions/{partition}]) and v3 records (streaming and batch)."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
