package io.kafkarest.connect;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Build-time OpenAPI description (META-INF/swagger/connect-service.yml); the gateway serves all services' merged. */
@OpenAPIDefinition(info = @Info(title = "Kafka REST connect-service", version = "0.1.0",
        description = "The Apache Kafka Connect REST API on an embedded Connect runtime."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
