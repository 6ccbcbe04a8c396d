package io.kafkarest.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A client of the Schema Registry's Confluent-compatible REST API (Confluent Schema Registry, or Apicurio's
 * {@code /apis/ccompat/v7}). Blocking calls with a timeout: callers run them off the event loop and cache.
 * Failures are {@link SchemaRegistryException}s: {@code REFUSED} when the registry refuses a request,
 * {@code UNAVAILABLE} when it cannot be reached or fails, or when no registry is configured.
 */
@Singleton
public class ConfluentSchemaRegistryClient {
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

    /** Whether a registry URL is configured at all. */
    public boolean isConfigured() {
        return baseUrl != null;
    }

    /** The configured base URL, or {@code null}. */
    public String url() {
        return baseUrl;
    }

    /** Registers the schema under the subject (or finds it registered already) and answers its id. */
    public int register(String subject, SchemaType type, String schema) {
        ObjectNode body = MAPPER.createObjectNode().put("schema", schema);
        if (type != SchemaType.AVRO) {
            body.put("schemaType", type.name());
        }
        String what = "registering a schema under " + subject;
        JsonNode answer = call(HttpRequest.newBuilder(uri("/subjects/" + encode(subject) + "/versions"))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), what);
        if (answer == null || !answer.path("id").canConvertToInt()) {
            throw new SchemaRegistryException(SchemaRegistryException.Kind.REFUSED,
                    "The Schema Registry did not register the schema under subject " + subject, null);
        }
        return answer.get("id").asInt();
    }

    /** The schema with this global id, or {@code null} when the registry has none. */
    public RegisteredSchema byId(int id) {
        JsonNode answer = call(HttpRequest.newBuilder(uri("/schemas/ids/" + id)).GET(), "looking up schema " + id);
        if (answer == null) {
            return null;
        }
        return new RegisteredSchema(id, null, null, SchemaType.fromRegistryName(answer.path("schemaType").asText(null)),
                answer.path("schema").asText());
    }

    /**
     * The given version of the subject's schema, or its latest version when {@code version} is null; {@code null}
     * when the subject or that version does not exist.
     */
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

    /** The answer's JSON; {@code null} for a 404; refusals are REFUSED, everything else UNAVAILABLE. */
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
            throw new SchemaRegistryException(SchemaRegistryException.Kind.REFUSED,
                    "The Schema Registry refused " + what + ": " + message, null);
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

    private SchemaRegistryException unavailable(String what, String problem, Throwable cause) {
        return new SchemaRegistryException(SchemaRegistryException.Kind.UNAVAILABLE, "Schema Registry "
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
