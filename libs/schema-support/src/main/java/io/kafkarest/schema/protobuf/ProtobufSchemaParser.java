package io.kafkarest.schema.protobuf;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import java.util.Objects;

/**
 * Parses a Protobuf schema given as .proto text, as clients send it with schema type PROTOBUF.
 *
 * <p>Wire's {@link ProtoParser} reads the text; {@link FileDescriptorProtoConverter} turns the result into the
 * descriptor proto protoc would produce, and protobuf-java builds and validates it, resolving type names.
 *
 * <p>Supported: proto2 and proto3, package, messages and enums nested to any depth, all scalar types,
 * {@code repeated} (packed by the syntax's default or the {@code packed} option), {@code map<K, V>}, oneofs,
 * proto3 {@code optional}, proto2 defaults and {@code required}, {@code json_name}, enum {@code allow_alias},
 * relative and fully qualified type names, and imports of Google's well-known types. Not supported: imports of
 * other schemas, groups, extensions; reserved ranges, services and other options are ignored.
 */
public final class ProtobufSchemaParser {
    /** The name the schema's file gets; error messages of the parser show it, e.g. "schema.proto:3:12". */
    static final String FILE_NAME = "schema.proto";

    private ProtobufSchemaParser() {
    }

    /**
     * Parses and builds a schema; records are written as its first top-level message.
     *
     * @throws IllegalArgumentException saying what is wrong: a syntax error (with line and column), no message
     *                                  type, an unknown type name, an unsupported import or construct
     */
    public static ProtobufSchema parse(String protoText) {
        String text = Objects.requireNonNull(protoText, "protoText").strip();
        ProtoFileElement element = readProtoFile(text);
        FileDescriptor[] dependencies = WellKnownImports.resolve(FileDescriptorProtoConverter.importsOf(element));
        FileDescriptorProto proto = FileDescriptorProtoConverter.convert(element, FILE_NAME);
        if (proto.getMessageTypeCount() == 0) {
            throw new IllegalArgumentException("schema has no message type");
        }
        FileDescriptor file = build(proto, dependencies);
        return new ProtobufSchema(file, file.getMessageTypes().getFirst(), text);
    }

    private static ProtoFileElement readProtoFile(String text) {
        try {
            return ProtoParser.Companion.parse(Location.get(FILE_NAME), text);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Wire reports e.g. "Syntax error in schema.proto:3:12: expected ';'"
            throw new IllegalArgumentException("invalid Protobuf schema: " + e.getMessage(), e);
        }
    }

    private static FileDescriptor build(FileDescriptorProto proto, FileDescriptor[] dependencies) {
        try {
            return FileDescriptor.buildFrom(proto, dependencies);
        } catch (DescriptorValidationException e) {
            // e.g. "shop.Order.item: \"Item\" is not defined."
            throw new IllegalArgumentException("invalid Protobuf schema: " + e.getMessage(), e);
        }
    }
}
