package io.kafkarest.consume.api;

import io.kafkarest.consume.core.ConsumedRecord;
import io.kafkarest.rest.EmbeddedFormat;
import io.kafkarest.rest.ErrorCode;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Base64;
import java.util.function.Function;

/** How a consumed record is embedded in a read's answer, per embedded format. */
@Singleton
class RecordFormats {
    private final JsonMapper jsonMapper;

    RecordFormats(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    Function<ConsumedRecord, Object> converter(EmbeddedFormat format) {
        return switch (format) {
            case BINARY -> RecordFormats::binary;
            case JSON -> this::json;
            default -> throw ErrorCode.CONSUMER_FORMAT_MISMATCH.exception(
                    "Reading the " + format.wireName() + " format is not supported yet");
        };
    }

    private static BinaryRecordJson binary(ConsumedRecord r) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new BinaryRecordJson(r.topic(),
                r.key() == null ? null : base64.encodeToString(r.key()),
                r.value() == null ? null : base64.encodeToString(r.value()),
                r.partition(), r.offset());
    }

    private JsonRecordJson json(ConsumedRecord r) {
        return new JsonRecordJson(r.topic(), parseJson(r, r.key(), "key"), parseJson(r, r.value(), "value"),
                r.partition(), r.offset());
    }

    /** Null or empty bytes are JSON null; anything else must be one JSON value. */
    private JsonNode parseJson(ConsumedRecord r, byte[] bytes, String part) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return jsonMapper.readValue(bytes, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw ErrorCode.KAFKA_ERROR.exception("Cannot deserialize record at " + r.topic() + "/" + r.partition()
                    + "/" + r.offset() + " as JSON: the " + part + " is not valid JSON ("
                    + e.getMessage() + "); the consumer's position did not move");
        }
    }
}
