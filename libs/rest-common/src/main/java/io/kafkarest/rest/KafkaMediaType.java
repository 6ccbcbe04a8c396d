package io.kafkarest.rest;

import io.micronaut.http.MediaType;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Kafka REST media type: {@code application/vnd.kafka[.format][.vN]+json}, or one of the lenient forms
 * {@code application/vnd.kafka+json}, {@code application/json}, {@code application/octet-stream}.
 *
 * @param format     the embedded format, empty when the type names none (then binary is assumed for data)
 * @param apiVersion 1, 2 or 3; 0 when the type names no version
 */
public record KafkaMediaType(Optional<EmbeddedFormat> format, int apiVersion) {

    public static final String V1_JSON = "application/vnd.kafka.v1+json";
    public static final String V2_JSON = "application/vnd.kafka.v2+json";
    public static final String KAFKA_JSON = "application/vnd.kafka+json";
    public static final String BINARY_V1 = "application/vnd.kafka.binary.v1+json";
    public static final String BINARY_V2 = "application/vnd.kafka.binary.v2+json";
    public static final String JSON_V1 = "application/vnd.kafka.json.v1+json";
    public static final String JSON_V2 = "application/vnd.kafka.json.v2+json";
    public static final String AVRO_V1 = "application/vnd.kafka.avro.v1+json";
    public static final String AVRO_V2 = "application/vnd.kafka.avro.v2+json";
    public static final String JSONSCHEMA_V2 = "application/vnd.kafka.jsonschema.v2+json";
    public static final String PROTOBUF_V2 = "application/vnd.kafka.protobuf.v2+json";

    /** Request types accepted where embedded data is sent (produce). */
    public static final String[] DATA_REQUEST_TYPES = {
        BINARY_V1, BINARY_V2, JSON_V1, JSON_V2, AVRO_V1, AVRO_V2, JSONSCHEMA_V2, PROTOBUF_V2,
        V1_JSON, V2_JSON, KAFKA_JSON, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM
    };

    /** Types accepted or produced by requests that carry no embedded data (metadata, consumer control). */
    public static final String[] PLAIN_TYPES = {V2_JSON, V1_JSON, KAFKA_JSON, MediaType.APPLICATION_JSON};

    private static final Pattern VND = Pattern.compile(
            "application/vnd\\.kafka(?:\\.([a-z]+))?(?:\\.v([1-3]))?\\+json", Pattern.CASE_INSENSITIVE);

    /** Parses a Content-Type or one Accept entry; empty when it is not a Kafka REST type. */
    public static Optional<KafkaMediaType> parse(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String type = mediaType.split(";", 2)[0].trim();
        if (type.equalsIgnoreCase(MediaType.APPLICATION_JSON) || type.equalsIgnoreCase(MediaType.APPLICATION_OCTET_STREAM)) {
            return Optional.of(new KafkaMediaType(Optional.empty(), 0));
        }
        Matcher m = VND.matcher(type);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<EmbeddedFormat> format = Optional.empty();
        if (m.group(1) != null) {
            format = EmbeddedFormat.fromWireName(m.group(1));
            if (format.isEmpty()) {
                return Optional.empty();
            }
        }
        int version = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return Optional.of(new KafkaMediaType(format, version));
    }

    /** The embedded format, binary when the type names none (the documented default). */
    public EmbeddedFormat formatOrBinary() {
        return format.orElse(EmbeddedFormat.BINARY);
    }

    /** The response type for this request's API version: v1 answers v1, everything else v2. */
    public String responseType() {
        return apiVersion == 1 ? V1_JSON : V2_JSON;
    }
}
