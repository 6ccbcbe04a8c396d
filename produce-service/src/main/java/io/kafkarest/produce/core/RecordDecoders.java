package io.kafkarest.produce.core;

import io.kafkarest.rest.EmbeddedFormat;
import io.kafkarest.rest.ErrorCode;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The decoders of every supported embedded format, by format. */
@Singleton
public class RecordDecoders {
    private final Map<EmbeddedFormat, RecordDecoder> byFormat = new EnumMap<>(EmbeddedFormat.class);

    public RecordDecoders(List<RecordDecoder> decoders) {
        for (RecordDecoder decoder : decoders) {
            RecordDecoder previous = byFormat.put(decoder.format(), decoder);
            if (previous != null) {
                throw new IllegalStateException("Two decoders for format " + decoder.format() + ": "
                        + previous.getClass().getName() + " and " + decoder.getClass().getName());
            }
        }
    }

    /** The decoder of a format, or a 415 naming the format when it is not supported (yet). */
    public RecordDecoder forFormat(EmbeddedFormat format) {
        RecordDecoder decoder = byFormat.get(format);
        if (decoder == null) {
            throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.exception(
                    "embedded format " + format.wireName() + " is not supported yet");
        }
        return decoder;
    }
}
