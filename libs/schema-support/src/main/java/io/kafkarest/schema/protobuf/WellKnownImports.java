package io.kafkarest.schema.protobuf;

import com.google.protobuf.Any;
import com.google.protobuf.Api;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Empty;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Int32Value;
import com.google.protobuf.SourceContext;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The imports a schema may use: Google's well-known types, whose descriptors protobuf-java bundles (any, api,
 * duration, empty, field_mask, source_context, struct, timestamp, type and wrappers). Imports of other schemas
 * (schema references) are not supported.
 */
final class WellKnownImports {
    private static final Map<String, FileDescriptor> FILES = Stream.of(
                    Any.getDescriptor(), Api.getDescriptor(), Duration.getDescriptor(), Empty.getDescriptor(),
                    FieldMask.getDescriptor(), SourceContext.getDescriptor(), Struct.getDescriptor(),
                    Timestamp.getDescriptor(), Type.getDescriptor(), Int32Value.getDescriptor())
            .map(Descriptor::getFile)
            .collect(Collectors.toUnmodifiableMap(FileDescriptor::getName, Function.identity(), (a, b) -> a));

    private WellKnownImports() {
    }

    /**
     * The bundled files for these import paths, in the same order.
     *
     * @throws IllegalArgumentException naming the first import that is not a well-known type
     */
    static FileDescriptor[] resolve(List<String> importPaths) {
        return importPaths.stream().map(WellKnownImports::resolve).toArray(FileDescriptor[]::new);
    }

    private static FileDescriptor resolve(String importPath) {
        FileDescriptor file = FILES.get(importPath);
        if (file == null) {
            throw new IllegalArgumentException("unsupported import \"" + importPath + "\": only Google's well-known"
                    + " types (google/protobuf/*.proto) can be imported, not other schemas");
        }
        return file;
    }
}
