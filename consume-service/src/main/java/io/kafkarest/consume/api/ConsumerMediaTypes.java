package io.kafkarest.consume.api;

import io.kafkarest.rest.EmbeddedFormat;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.KafkaMediaType;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Content negotiation of the consumer API: which API version a request speaks (v1 requests are answered with
 * v1 types) and which embedded format a read accepts (it must be the instance's format, else 406 40601).
 */
final class ConsumerMediaTypes {
    private ConsumerMediaTypes() {
    }

    /** 1 when the request's Content-Type or its first versioned Accept type says v1; else 2. */
    static int apiVersion(HttpRequest<?> request) {
        Optional<KafkaMediaType> contentType = request.getContentType()
                .flatMap(t -> KafkaMediaType.parse(t.toString()));
        if (contentType.isPresent() && contentType.get().apiVersion() != 0) {
            return contentType.get().apiVersion() == 1 ? 1 : 2;
        }
        for (String entry : acceptEntries(request)) {
            Optional<KafkaMediaType> type = KafkaMediaType.parse(entry);
            if (type.isPresent() && type.get().apiVersion() != 0) {
                return type.get().apiVersion() == 1 ? 1 : 2;
            }
        }
        return 2;
    }

    /** The content type of a control endpoint's answer: application/vnd.kafka.v1+json or .v2+json. */
    static String responseType(HttpRequest<?> request) {
        return apiVersion(request) == 1 ? KafkaMediaType.V1_JSON : KafkaMediaType.V2_JSON;
    }

    /**
     * The content type of a read's answer, {@code application/vnd.kafka.<format>.v<N>+json}, when the request
     * accepts the instance's format. A Kafka type without a format means binary (as documented); {@code *}/{@code *}
     * and {@code application/*} accept any format; no Accept header counts as {@code *}/{@code *}; entries of
     * quality 0 are not accepted.
     *
     * @throws io.kafkarest.rest.RestException 40601 when no accepted type matches the instance's format
     */
    static String recordsType(HttpRequest<?> request, EmbeddedFormat instanceFormat, int apiVersion) {
        if (!request.getHeaders().contains(HttpHeaders.ACCEPT)) {
            return recordsType(instanceFormat, apiVersion);
        }
        List<String> entries = acceptEntries(request);
        List<String> requested = new ArrayList<>();
        for (String entry : entries) {
            String type = entry.split(";", 2)[0].trim();
            if (type.equals("*/*") || type.equalsIgnoreCase("application/*")) {
                return recordsType(instanceFormat, apiVersion);
            }
            Optional<KafkaMediaType> parsed = KafkaMediaType.parse(type);
            if (parsed.isEmpty()) {
                continue;
            }
            EmbeddedFormat format = parsed.get().formatOrBinary();
            if (format == instanceFormat) {
                return recordsType(instanceFormat, apiVersion);
            }
            requested.add(format.wireName());
        }
        throw ErrorCode.CONSUMER_FORMAT_MISMATCH.exception("Consumer format does not match the embedded format "
                + "requested by the Accept header: the consumer instance reads " + instanceFormat.wireName()
                + ", the request accepts " + (requested.isEmpty() ? "no Kafka REST type" : String.join(", ", requested))
                + " (use Accept: " + recordsType(instanceFormat, apiVersion) + ")");
    }

    /**
     * The embedded format a read by offset asks for: the first Kafka type of the Accept header that names one (a
     * Kafka type without a format, or no Kafka type at all, means binary).
     */
    static EmbeddedFormat requestedFormat(HttpRequest<?> request) {
        for (String entry : acceptEntries(request)) {
            Optional<KafkaMediaType> type = KafkaMediaType.parse(entry.split(";", 2)[0].trim());
            if (type.isPresent()) {
                return type.get().formatOrBinary();
            }
        }
        return EmbeddedFormat.BINARY;
    }

    static String recordsType(EmbeddedFormat format, int apiVersion) {
        return "application/vnd.kafka." + format.wireName() + ".v" + apiVersion + "+json";
    }

    /** The Accept header's entries in order, without those of quality 0. */
    private static List<String> acceptEntries(HttpRequest<?> request) {
        List<String> entries = new ArrayList<>();
        for (String header : request.getHeaders().getAll(HttpHeaders.ACCEPT)) {
            for (String entry : header.split(",")) {
                String trimmed = entry.trim();
                if (!trimmed.isEmpty() && !hasZeroQuality(trimmed)) {
                    entries.add(trimmed);
                }
            }
        }
        return entries;
    }

    private static boolean hasZeroQuality(String entry) {
        for (String param : entry.split(";")) {
            String p = param.trim().replace(" ", "");
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
