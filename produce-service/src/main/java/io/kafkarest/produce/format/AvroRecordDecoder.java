package io.kafkarest.produce.format;

import io.kafkarest.produce.core.EmbeddedData;
import io.kafkarest.produce.core.ParsedSchema;
import io.kafkarest.produce.core.ProduceException;
import io.kafkarest.produce.core.RecordDecoder;
import io.kafkarest.produce.core.RecordFormat;
import io.kafkarest.schema.SchemaType;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonDecoder;

/**
 * The avro format: data in Avro's JSON encoding (unions wrapped as {@code {"type": value}}, bytes as ISO-8859-1
 * strings), read with Avro's own {@code JsonDecoder} and written in Avro binary.
 */
@Singleton
public class AvroRecordDecoder implements RecordDecoder {

    @Override
    public RecordFormat format() {
        return RecordFormat.AVRO;
    }

    @Override
    public ParsedSchema parseSchema(String schema) {
        try {
            return new AvroSchema(new Schema.Parser().parse(schema));
        } catch (SchemaParseException | NullPointerException e) {
            throw new ProduceException(ProduceException.Kind.INVALID_SCHEMA, "Invalid Avro schema: " + e.getMessage());
        }
    }

    @Override
    public byte[] decode(EmbeddedData data, ParsedSchema schema, String field) {
        AvroSchema avro = (AvroSchema) schema;
        try (InputStream json = data.jsonStream()) {
            JsonDecoder decoder = avro.idleDecoders.poll();
            if (decoder == null) {
                decoder = DecoderFactory.get().jsonDecoder(avro.schema, json);
            } else {
                decoder.configure(json);
            }
            Object datum = avro.reader.read(null, decoder);
            avro.idleDecoders.offer(decoder); // after a failure it is dropped instead
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            avro.writer.write(datum, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw ProduceException.invalidData(field, "does not match the Avro schema: " + e.getMessage());
        }
    }

    /**
     * A parsed Avro schema with its (thread-safe) reader and writer, and JSON decoders to reuse: building one derives
     * its parsing grammar from the schema, which costs more than decoding a small record.
     */
    static final class AvroSchema implements ParsedSchema {
        private static final int IDLE_DECODERS = 32;

        final Schema schema;
        final DatumReader<Object> reader;
        final DatumWriter<Object> writer;
        final BlockingQueue<JsonDecoder> idleDecoders = new ArrayBlockingQueue<>(IDLE_DECODERS);

        AvroSchema(Schema schema) {
            this.schema = schema;
            this.reader = new GenericDatumReader<>(schema);
            this.writer = new GenericDatumWriter<>(schema);
        }

        @Override
        public SchemaType type() {
            return SchemaType.AVRO;
        }

        @Override
        public String text() {
            return schema.toString();
        }

        @Override
        public String recordName() {
            return schema.getFullName();
        }
    }
}
