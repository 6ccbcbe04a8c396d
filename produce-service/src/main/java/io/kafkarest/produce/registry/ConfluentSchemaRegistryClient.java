package io.kafkarest.produce.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkarest.produce.core.ProduceException;
import io.kafkarest.produce.core.RegisteredSchema;
import io.kafkarest.produce.core.SchemaRegistry;
import io.kafkarest.produce.core.SchemaType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link SchemaRegistry} over the registry's Confluent-compatible REST API (Confluent Schema Registry, or Apicurio's
 * {@code /apis/ccompat/v7}). Blocking calls with a timeout; the caller runs off the event loop and caches.
 */
@Singleton
public class ConfluentSchemaRegistryClient implements SchemaRegistry {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;

    public ConfluentSchemaRegistryClient(SchemaRegistrySettings settings) {
        this.baseUrl = settings.url() == null || settings.url().isBlank() ? null
                : settings.url().replaceAll("/+$", "");
        this.timeout = settings.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public int register(String subject, SchemaType type, String schema) {
        ObjectNode body = MAPPER.createObjectNode().put("schema", schema);
        if (type != SchemaType.AVRO) {
            body.put("schemaType", type.name());
        }
        JsonNode answer = call(HttpRequest.newBuilder(uri("/subjects/" + encode(subject) + "/versions"))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "registering a schema under " + subject);
        if (answer == null || !answer.path("id").canConvertToInt()) {
            throw new ProduceException(ProduceException.Kind.INVALID_SCHEMA,
                    "The Schema Registry did not register the schema under subject " + subject);
        }
        return answer.get("id").asInt();
    }

    @Override
    public RegisteredSchema byId(int id) {
        JsonNode answer = call(HttpRequest.newBuilder(uri("/schemas/ids/" + id)).GET(), "looking up schema " + id);
        if (answer == null) {
            throw new ProduceException(ProduceException.Kind.INVALID_SCHEMA,
                    "Schema " + id + " not found in the Schema Registry.");
        }
        return new RegisteredSchema(id, null, null, SchemaType.fromRegistryName(answer.path("schemaType").asText(null)),
                answer.path("schema").asText());
    }

    @Override
    public RegisteredSchema version(String subject, Integer version) {
        String v = version == null ? "latest" : String.valueOf(version);
        JsonNode answer = call(HttpRequest.newBuilder(uri("/subjects/" + encode(subject) + "/versions/" + v)).GET(),
                "looking up version " + v + " of subject " + subject);
        if (answer == null) {
            return null;
        }
        return new RegisteredSchema(answer.path("id").asInt(), subject, answer.path("version").asInt(),
                SchemaType.fromRegistryName(answer.path("schemaType").asText(null)), answer.path("schema").asText());
    }

    /** The answer's JSON; {@code null} for a 404; refusals are INVALID_SCHEMA, everything else REGISTRY_UNAVAILABLE. */
    private JsonNode call(HttpRequest.Builder request, String what) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.timeout(timeout).header("Content-Type", CONTENT_TYPE)
                    .header("Accept", CONTENT_TYPE).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable(what, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(what, "interrupted", e);
        }
        int status = response.statusCode();
        if (status == 404) {
            return null;
        }
        JsonNode body = parse(response.body());
        String message = body.path("message").asText(new String(response.body(), StandardCharsets.UTF_8));
        if (status == 409 || status == 422 || status == 400) {
            throw new ProduceException(ProduceException.Kind.INVALID_SCHEMA,
                    "The Schema Registry refused " + what + ": " + message);
        }
        if (status != 200) {
            throw unavailable(what, "HTTP " + status + ": " + message, null);
        }
        return body;
    }

    private URI uri(String path) {
        if (baseUrl == null) {
            throw unavailable("this request", "no Schema Registry is configured (set SCHEMA_REGISTRY_URL)", null);
        }
        return URI.create(baseUrl + path);
    }

    private ProduceException unavailable(String what, String problem, Throwable cause) {
        return new ProduceException(ProduceException.Kind.REGISTRY_UNAVAILABLE, "Schema Registry "
                + (baseUrl == null ? "" : "at " + baseUrl + " ") + "failed " + what + ": " + problem, cause);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
