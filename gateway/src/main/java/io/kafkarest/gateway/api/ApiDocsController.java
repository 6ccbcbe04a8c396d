package io.kafkarest.gateway.api;

import io.kafkarest.gateway.core.GatewayConfiguration;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * What the gateway answers itself on the API port (the {@code GatewayFilter} leaves these paths to Micronaut): the
 * merged OpenAPI document at {@code GET /openapi.yaml} and Swagger UI at {@code /swagger-ui/} (this page; its
 * scripts and styles are the swagger-ui webjar's, served as static resources, see application.yml).
 */
@Controller
public class ApiDocsController {
    static final MediaType YAML = MediaType.of("application/yaml");

    private final ApiDescription description;
    private final GatewayConfiguration config;
    private final String swaggerUiPage;

    public ApiDocsController(ApiDescription description, GatewayConfiguration config) {
        this.description = description;
        this.config = config;
        this.swaggerUiPage = resource("swagger-ui/index.html");
    }

    @Get("/openapi.yaml")
    HttpResponse<String> openApi(HttpRequest<?> request) {
        String server = ExternalBase.of(request, config.getExternalUrl()).url();
        return HttpResponse.ok(description.yaml(server.isEmpty() ? "/" : server)).contentType(YAML);
    }

    /** The page; {@code /swagger-ui} is redirected to {@code /swagger-ui/} so that its relative links work. */
    @Get("/swagger-ui")
    HttpResponse<String> swaggerUi(HttpRequest<?> request) {
        String path = request.getUri().getRawPath();
        if (path == null || !path.endsWith("/")) {
            return HttpResponse.<String>status(HttpStatus.MOVED_PERMANENTLY)
                    .headers(h -> h.location(URI.create("swagger-ui/")));
        }
        return HttpResponse.ok(swaggerUiPage).contentType(MediaType.TEXT_HTML_TYPE);
    }

    /** The webjar has an index.html of its own that shows the petstore example: ours instead. */
    @Get("/swagger-ui/index.html")
    HttpResponse<String> swaggerUiIndex() {
        return HttpResponse.ok(swaggerUiPage).contentType(MediaType.TEXT_HTML_TYPE);
    }

    private static String resource(String name) {
        try (InputStream in = ApiDocsController.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
