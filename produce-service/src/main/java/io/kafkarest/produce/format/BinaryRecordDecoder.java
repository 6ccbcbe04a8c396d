package io.kafkarest.produce.format;

import io.kafkarest.produce.core.EmbeddedData;
import io.kafkarest.produce.core.ParsedSchema;
import io.kafkarest.produce.core.ProduceException;
import io.kafkarest.produce.core.RecordDecoder;
import io.kafkarest.produce.core.RecordFormat;
import jakarta.inject.Singleton;
import java.util.Base64;

/** The binary format: keys and values are base64 strings (standard alphabet; URL-safe also accepted). */
@Singleton
public class BinaryRecordDecoder implements RecordDecoder {

    @Override
    public RecordFormat format() {
        return RecordFormat.BINARY;
    }

    @Override
    public byte[] decode(EmbeddedData data, ParsedSchema schema, String field) {
        if (data.kind() != EmbeddedData.Kind.STRING) {
            throw ProduceException.invalidData(field, "must be a base64-encoded string or null, not "
                    + data.kind().describe());
        }
        return decodeBase64(data.stringValue(), field);
    }

    /** Standard base64, or URL-safe when it has URL-safe characters; a 422 naming the field otherwise. */
    public static byte[] decodeBase64(String text, String field) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException standard) {
            if (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) {
                try {
                    return Base64.getUrlDecoder().decode(text);
                } catch (IllegalArgumentException ignored) {
                    // report the standard alphabet's complaint
                }
            }
            throw ProduceException.invalidData(field, "is not valid base64: " + standard.getMessage());
        }
    }
}
