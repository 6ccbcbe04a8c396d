package io.kafkarest.produce.core;

import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The decoders of every embedded format, by format. */
@Singleton
public class RecordDecoders {
    private final Map<RecordFormat, RecordDecoder> byFormat = new EnumMap<>(RecordFormat.class);

    public RecordDecoders(List<RecordDecoder> decoders) {
        for (RecordDecoder decoder : decoders) {
            RecordDecoder previous = byFormat.put(decoder.format(), decoder);
            if (previous != null) {
                throw new IllegalStateException("Two decoders for format " + decoder.format() + ": "
                        + previous.getClass().getName() + " and " + decoder.getClass().getName());
            }
        }
        for (RecordFormat format : RecordFormat.values()) {
            if (!byFormat.containsKey(format)) {
                throw new IllegalStateException("No decoder for format " + format);
            }
        }
    }

    public RecordDecoder forFormat(RecordFormat format) {
        return byFormat.get(format);
    }
}
