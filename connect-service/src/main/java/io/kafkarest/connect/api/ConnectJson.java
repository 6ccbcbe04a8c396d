package io.kafkarest.connect.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.io.IOException;
import org.apache.kafka.connect.runtime.rest.errors.BadRequestException;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;

/**
 * Request and response bodies with the Jackson mapper Connect's REST server uses (a default {@link ObjectMapper},
 * as its {@code JacksonJsonProvider} has), so Connect's own entity classes come out exactly as from a stock worker.
 */
public final class ConnectJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConnectJson() {
    }

    /**
     * Reads a JSON body; an empty or malformed one is a 400 that says what was expected. A body without a
     * {@code Content-Type} is a 415, as on Connect's server (Micronaut turns away other types before this).
     */
    public static <T> T read(HttpRequest<?> request, byte[] body, TypeReference<T> type, String what) {
        if (body == null || body.length == 0) {
            throw new BadRequestException("Request body is missing: expected " + what);
        }
        if (request.getContentType().isEmpty()) {
            throw new ConnectRestException(415, "HTTP 415 Unsupported Media Type");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new BadRequestException("Invalid request body (expected " + what + "): " + detail);
        }
    }

    public static MutableHttpResponse<byte[]> ok(Object entity) {
        return response(HttpStatus.OK, entity);
    }

    public static MutableHttpResponse<byte[]> response(HttpStatus status, Object entity) {
        return HttpResponse.<byte[]>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(write(entity));
    }

    static byte[] write(Object entity) {
        try {
            return MAPPER.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new ConnectRestException(500, "Failed to serialize the response: " + e.getOriginalMessage(), e);
        }
    }
}
