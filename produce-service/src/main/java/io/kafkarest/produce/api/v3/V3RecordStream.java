package io.kafkarest.produce.api.v3;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.kafkarest.produce.api.EmbeddedDataReader;
import io.kafkarest.produce.api.v3.V3RecordReader.V3Record;
import io.kafkarest.rest.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a streamed request body, any number of concatenated JSON records arriving in chunks of any size, into
 * records as soon as each is complete, with Jackson's non-blocking parser: nothing but the current record is held.
 * A record of the wrong shape becomes an error item and the stream goes on; malformed JSON becomes a final error item
 * (the parser cannot find the next record after it).
 */
final class V3RecordStream {

    /** A complete record, or the error that stands in its place; {@code last} when nothing can follow. */
    record Item(V3Record record, RuntimeException error, boolean last) {
    }

    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private TokenBuffer current;
    private int depth;
    private boolean failed;

    V3RecordStream() {
        try {
            parser = EmbeddedDataReader.JSON.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /** Whether {@code items} (of one {@link #feed} or {@link #end}) end the stream: nothing can follow them. */
    static boolean endsStream(List<Item> items) {
        return !items.isEmpty() && items.getLast().last();
    }

    /** The items this chunk completes (often none, or several). */
    List<Item> feed(byte[] chunk) {
        if (failed) {
            return List.of();
        }
        try {
            feeder.feedInput(chunk, 0, chunk.length);
        } catch (IOException e) {
            return fail("Malformed JSON: " + e.getMessage());
        }
        return drain();
    }

    /** The items left at the end of the body: an error when it ends inside a record. */
    List<Item> end() {
        if (failed) {
            return List.of();
        }
        feeder.endOfInput();
        List<Item> items = drain();
        if (!failed && current != null) {
            items.addAll(fail("Malformed JSON: the request body ended inside a record"));
        }
        return items;
    }

    private List<Item> drain() {
        List<Item> items = new ArrayList<>(4);
        try {
            JsonToken token;
            while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
                if (current == null) {
                    if (token != JsonToken.START_OBJECT) {
                        items.addAll(fail("Malformed request: expected a JSON object for each record, found "
                                + token.asString()));
                        return items;
                    }
                    current = new TokenBuffer(parser, null);
                }
                current.copyCurrentEvent(parser);
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd() && --depth == 0) {
                    items.add(complete(current));
                    current = null;
                }
            }
        } catch (StreamReadException e) {
            items.addAll(fail("Malformed JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            items.addAll(fail("Unreadable request body: " + e.getMessage()));
        }
        return items;
    }

    private static Item complete(TokenBuffer record) {
        try (JsonParser p = record.asParser()) {
            p.nextToken();
            return new Item(V3RecordReader.read(p), null, false);
        } catch (IOException e) {
            return new Item(null, V3RecordReader.bad(e.getMessage()), false);
        } catch (RuntimeException e) {
            return new Item(null, e, false);
        }
    }

    private List<Item> fail(String message) {
        failed = true;
        current = null;
        return new ArrayList<>(List.of(new Item(null, ErrorCode.BAD_REQUEST.exception(message), true)));
    }
}
