package io.kafkarest.consume.format;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kafkarest.schema.SchemaType;
import io.kafkarest.schema.protobuf.MessageIndexes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;

/** A registered schema parsed once for decoding records written with it (cached by schema id). Thread-safe. */
sealed interface DecodingSchema {

    SchemaType type();

    /** An Avro schema with its reader (binary) and writer (Avro's JSON encoding), both reusable across threads. */
    record Avro(Schema schema, GenericDatumReader<Object> reader, GenericDatumWriter<Object> writer)
            implements DecodingSchema {
        Avro(Schema schema) {
            this(schema, new GenericDatumReader<>(schema), new GenericDatumWriter<>(schema));
        }

        @Override
        public SchemaType type() {
            return SchemaType.AVRO;
        }
    }

    /** A JSON Schema: the payload is JSON text already, so nothing needs parsing. */
    record Json() implements DecodingSchema {
        @Override
        public SchemaType type() {
            return SchemaType.JSON;
        }
    }

    /** A Protobuf schema file; the message indexes of each record name one of its messages. */
    record Protobuf(FileDescriptor file, Map<List<Integer>, Descriptor> messages) implements DecodingSchema {
        Protobuf(FileDescriptor file) {
            this(file, new ConcurrentHashMap<>());
        }

        /** The message at the path (cached); {@code IllegalArgumentException} when the file has none there. */
        Descriptor message(List<Integer> path) {
            Descriptor found = messages.get(path);
            if (found == null) {
                found = MessageIndexes.messageAt(file, path);
                messages.put(path, found);
            }
            return found;
        }

        @Override
        public SchemaType type() {
            return SchemaType.PROTOBUF;
        }
    }
}
