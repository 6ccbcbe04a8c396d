package io.kafkarest.produce.core;

import io.kafkarest.rest.EmbeddedFormat;
import jakarta.inject.Singleton;
import java.util.Base64;

/** The binary format: keys and values are base64 strings (standard alphabet; URL-safe also accepted) or null. */
@Singleton
public class BinaryRecordDecoder extends SchemalessRecordDecoder {

    @Override
    public EmbeddedFormat format() {
        return EmbeddedFormat.BINARY;
    }

    @Override
    public byte[] decode(EmbeddedData data, String field) {
        if (data.isNull()) {
            return null;
        }
        if (data.kind() != EmbeddedData.Kind.STRING) {
            throw invalid(field, "must be a base64-encoded string or null, not " + data.kind().describe());
        }
        String text = data.stringValue();
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
            throw invalid(field, "is not valid base64: " + standard.getMessage());
        }
    }
}
