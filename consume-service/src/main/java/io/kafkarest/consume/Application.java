package io.kafkarest.consume;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Build-time OpenAPI description (META-INF/swagger/consume-service.yml); the gateway serves all services' merged. */
@OpenAPIDefinition(info = @Info(title = "Kafka REST consume-service", version = "0.1.0",
        description = "Kafka REST Proxy v1/v2 consumer instances and reads by offset."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
