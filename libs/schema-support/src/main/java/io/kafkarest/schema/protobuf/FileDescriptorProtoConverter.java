package io.kafkarest.schema.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumOptions;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.TextFormat;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns Wire's parse tree of a .proto file into the {@link FileDescriptorProto} protoc would produce for it, so
 * that protobuf-java can validate and build it.
 *
 * <p>Type names of fields are kept as written (relative, or fully qualified with a leading dot):
 * {@code FileDescriptor.buildFrom} resolves them from the field's scope outwards exactly like protoc, and tells
 * messages from enums. What this class adds is what protoc generates: the {@code XxxEntry} message of each
 * {@code map} field, the synthetic oneof of each proto3 {@code optional} field, and every field's JSON name.
 * Reserved ranges, extension ranges, services and options that do not change the encoding are left out.
 */
final class FileDescriptorProtoConverter {
    private static final Pattern MAP_TYPE = Pattern.compile("map\\s*<\\s*([\\w.]+)\\s*,\\s*([\\w.]+)\\s*>");
    private static final Map<String, Type> SCALARS = Map.ofEntries(
            Map.entry("double", Type.TYPE_DOUBLE), Map.entry("float", Type.TYPE_FLOAT),
            Map.entry("int32", Type.TYPE_INT32), Map.entry("int64", Type.TYPE_INT64),
            Map.entry("uint32", Type.TYPE_UINT32), Map.entry("uint64", Type.TYPE_UINT64),
            Map.entry("sint32", Type.TYPE_SINT32), Map.entry("sint64", Type.TYPE_SINT64),
            Map.entry("fixed32", Type.TYPE_FIXED32), Map.entry("fixed64", Type.TYPE_FIXED64),
            Map.entry("sfixed32", Type.TYPE_SFIXED32), Map.entry("sfixed64", Type.TYPE_SFIXED64),
            Map.entry("bool", Type.TYPE_BOOL), Map.entry("string", Type.TYPE_STRING),
            Map.entry("bytes", Type.TYPE_BYTES));

    private final boolean proto3;

    private FileDescriptorProtoConverter(boolean proto3) {
        this.proto3 = proto3;
    }

    /**
     * The descriptor proto of {@code file}, named {@code fileName}.
     *
     * @throws IllegalArgumentException for constructs that are not supported (groups, extensions) or not valid
     *                                  (a default value in proto3)
     */
    static FileDescriptorProto convert(ProtoFileElement file, String fileName) {
        return new FileDescriptorProtoConverter(file.getSyntax() == Syntax.PROTO_3).fileProto(file, fileName);
    }

    /** Every file {@code file} imports, plain then public then weak imports, in the order of its dependencies. */
    static List<String> importsOf(ProtoFileElement file) {
        return Stream.of(file.getImports(), file.getPublicImports(), file.getWeakImports())
                .flatMap(List::stream)
                .toList();
    }

    /** The JSON name protoc gives a field: underscores dropped, the letter after each one upper-cased. */
    static String jsonName(String fieldName) {
        return camelCase(fieldName, false);
    }

    /** The name protoc gives the entry message of a map field, e.g. {@code TagCountsEntry} for tag_counts. */
    static String mapEntryName(String fieldName) {
        return camelCase(fieldName, true) + "Entry";
    }

    private FileDescriptorProto fileProto(ProtoFileElement file, String fileName) {
        rejectExtend(file.getExtendDeclarations(), "the file");
        FileDescriptorProto.Builder proto = FileDescriptorProto.newBuilder().setName(fileName);
        if (proto3) {
            proto.setSyntax("proto3"); // protoc leaves it unset for proto2
        }
        if (file.getPackageName() != null) {
            proto.setPackage(file.getPackageName());
        }
        addDependencies(proto, file);
        String scope = file.getPackageName() == null ? "" : "." + file.getPackageName();
        addTypes(file.getTypes(), scope, proto::addMessageType, proto::addEnumType);
        return proto.build();
    }

    /** The imports, marking public and weak ones by their index, as in {@link #importsOf}. */
    private static void addDependencies(FileDescriptorProto.Builder proto, ProtoFileElement file) {
        proto.addAllDependency(importsOf(file));
        int publicStart = file.getImports().size();
        int weakStart = publicStart + file.getPublicImports().size();
        for (int i = 0; i < file.getPublicImports().size(); i++) {
            proto.addPublicDependency(publicStart + i);
        }
        for (int i = 0; i < file.getWeakImports().size(); i++) {
            proto.addWeakDependency(weakStart + i);
        }
    }

    private void addTypes(List<TypeElement> types, String scope,
                          Consumer<DescriptorProto> messages, Consumer<EnumDescriptorProto> enums) {
        for (TypeElement type : types) {
            switch (type) {
                case MessageElement message -> messages.accept(message(message, scope));
                case EnumElement enumType -> enums.accept(enumType(enumType));
                default -> throw new IllegalArgumentException(
                        "unsupported declaration " + type.getName() + " at " + position(type.getLocation()));
            }
        }
    }

    private DescriptorProto message(MessageElement element, String scope) {
        String fullName = scope + "." + element.getName();
        rejectGroups(element.getGroups(), fullName);
        rejectExtend(element.getExtendDeclarations(), "message " + fullName.substring(1));
        DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(element.getName());
        addTypes(element.getNestedTypes(), fullName, message::addNestedType, message::addEnumType);
        for (OneOfElement oneOf : element.getOneOfs()) {
            rejectGroups(oneOf.getGroups(), fullName);
            message.addOneofDecl(OneofDescriptorProto.newBuilder().setName(oneOf.getName()));
        }
        MessageFields fields = new MessageFields(message, fullName, namesIn(element));
        declaredFields(element).forEach(declared -> fields.add(declared.element(), declared.oneofIndex()));
        return message.build();
    }

    /** A field as declared in a message: directly, or in the oneof at {@code oneofIndex}. */
    private record DeclaredField(FieldElement element, Integer oneofIndex) {
    }

    /** Fields in source order, as protoc numbers them, whether in a oneof or not. */
    private static List<DeclaredField> declaredFields(MessageElement element) {
        List<DeclaredField> fields = new ArrayList<>();
        element.getFields().forEach(field -> fields.add(new DeclaredField(field, null)));
        for (int i = 0; i < element.getOneOfs().size(); i++) {
            for (FieldElement field : element.getOneOfs().get(i).getFields()) {
                fields.add(new DeclaredField(field, i));
            }
        }
        fields.sort(Comparator.comparing((DeclaredField field) -> field.element().getLocation().getLine())
                .thenComparing(field -> field.element().getLocation().getColumn()));
        return fields;
    }

    /** The names declared in a message, which a synthetic oneof's name must not clash with. */
    private static Set<String> namesIn(MessageElement element) {
        Set<String> names = new HashSet<>();
        element.getFields().forEach(field -> names.add(field.getName()));
        element.getNestedTypes().forEach(type -> names.add(type.getName()));
        for (OneOfElement oneOf : element.getOneOfs()) {
            names.add(oneOf.getName());
            oneOf.getFields().forEach(field -> names.add(field.getName()));
        }
        return names;
    }

    /** Adds the fields of one message, with the map entries and synthetic oneofs they need. */
    private final class MessageFields {
        private final DescriptorProto.Builder message;
        private final String messageName;
        private final Set<String> takenNames;

        MessageFields(DescriptorProto.Builder message, String messageName, Set<String> takenNames) {
            this.message = message;
            this.messageName = messageName;
            this.takenNames = takenNames;
        }

        void add(FieldElement element, Integer oneofIndex) {
            FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder()
                    .setName(element.getName())
                    .setNumber(element.getTag())
                    .setLabel(label(element.getLabel()))
                    .setJsonName(element.getJsonName() != null ? element.getJsonName() : jsonName(element.getName()));
            setType(field, element.getType());
            if (oneofIndex != null) {
                field.setOneofIndex(oneofIndex);
            } else if (proto3 && element.getLabel() == Field.Label.OPTIONAL) {
                field.setProto3Optional(true).setOneofIndex(addSyntheticOneof(element.getName()));
            }
            setDefaultValue(field, element.getDefaultValue());
            setOptions(field, element.getOptions());
            message.addField(field);
        }

        private void setType(FieldDescriptorProto.Builder field, String type) {
            Matcher map = MAP_TYPE.matcher(type);
            if (map.matches()) {
                DescriptorProto entry = mapEntry(field.getName(), map.group(1), map.group(2));
                message.addNestedType(entry);
                field.setLabel(Label.LABEL_REPEATED).setTypeName(messageName + "." + entry.getName());
            } else {
                setValueType(field, type);
            }
        }

        /** protoc's name: the field name with an underscore in front, then X's until it is unique. */
        private int addSyntheticOneof(String fieldName) {
            String name = fieldName.startsWith("_") ? fieldName : "_" + fieldName;
            while (!takenNames.add(name)) {
                name = "X" + name;
            }
            message.addOneofDecl(OneofDescriptorProto.newBuilder().setName(name));
            return message.getOneofDeclCount() - 1;
        }

        private void setDefaultValue(FieldDescriptorProto.Builder field, String value) {
            if (value == null) {
                return;
            }
            if (proto3) {
                throw new IllegalArgumentException(messageName.substring(1) + "." + field.getName()
                        + ": explicit default values are not allowed in proto3");
            }
            boolean bytes = field.hasType() && field.getType() == Type.TYPE_BYTES;
            field.setDefaultValue(bytes ? escapeBytes(value) : value);
        }
    }

    private static DescriptorProto mapEntry(String fieldName, String keyType, String valueType) {
        return DescriptorProto.newBuilder()
                .setName(mapEntryName(fieldName))
                .addField(mapEntryField("key", 1, keyType))
                .addField(mapEntryField("value", 2, valueType))
                .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                .build();
    }

    private static FieldDescriptorProto.Builder mapEntryField(String name, int number, String type) {
        FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder()
                .setName(name).setNumber(number).setLabel(Label.LABEL_OPTIONAL).setJsonName(name);
        setValueType(field, type);
        return field;
    }

    /** A scalar type, or else the name of a message or enum, which {@code buildFrom} resolves. */
    private static void setValueType(FieldDescriptorProto.Builder field, String type) {
        Type scalar = SCALARS.get(type);
        if (scalar != null) {
            field.setType(scalar);
        } else {
            field.setTypeName(type);
        }
    }

    private static EnumDescriptorProto enumType(EnumElement element) {
        EnumDescriptorProto.Builder enumType = EnumDescriptorProto.newBuilder().setName(element.getName());
        element.getConstants().forEach(constant -> enumType.addValue(
                EnumValueDescriptorProto.newBuilder().setName(constant.getName()).setNumber(constant.getTag())));
        if (isTrue(element.getOptions(), "allow_alias")) {
            enumType.setOptions(EnumOptions.newBuilder().setAllowAlias(true));
        }
        return enumType.build();
    }

    private static Label label(Field.Label label) {
        if (label == null) {
            return Label.LABEL_OPTIONAL; // proto3 singular fields and oneof members
        }
        return switch (label) {
            case REQUIRED -> Label.LABEL_REQUIRED;
            case REPEATED -> Label.LABEL_REPEATED;
            case OPTIONAL, ONE_OF -> Label.LABEL_OPTIONAL;
        };
    }

    /** Keeps the field options that change the encoding or are worth carrying: packed and deprecated. */
    private static void setOptions(FieldDescriptorProto.Builder field, List<OptionElement> options) {
        FieldOptions.Builder fieldOptions = FieldOptions.newBuilder();
        if (hasOption(options, "packed")) {
            fieldOptions.setPacked(isTrue(options, "packed"));
        }
        if (isTrue(options, "deprecated")) {
            fieldOptions.setDeprecated(true);
        }
        if (fieldOptions.hasPacked() || fieldOptions.hasDeprecated()) {
            field.setOptions(fieldOptions);
        }
    }

    private static boolean hasOption(List<OptionElement> options, String name) {
        return options.stream().anyMatch(option -> isBuiltIn(option, name));
    }

    private static boolean isTrue(List<OptionElement> options, String name) {
        return options.stream()
                .anyMatch(option -> isBuiltIn(option, name) && "true".equals(String.valueOf(option.getValue())));
    }

    private static boolean isBuiltIn(OptionElement option, String name) {
        return !option.isParenthesized() && option.getName().equals(name);
    }

    /**
     * A bytes default as descriptors hold it: C-escaped. Wire has already unescaped the text, so each character
     * up to U+00FF is one byte (as written with an octal or hex escape); other characters are taken as UTF-8.
     */
    private static String escapeBytes(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        value.codePoints().forEach(codePoint -> {
            if (codePoint <= 0xFF) {
                bytes.write(codePoint);
            } else {
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
            }
        });
        return TextFormat.escapeBytes(ByteString.copyFrom(bytes.toByteArray()));
    }

    private static String camelCase(String name, boolean capitalizeFirst) {
        StringBuilder result = new StringBuilder(name.length());
        boolean capitalizeNext = capitalizeFirst;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                capitalizeNext = true;
            } else {
                result.append(capitalizeNext && c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
                capitalizeNext = false;
            }
        }
        return result.toString();
    }

    private static void rejectGroups(List<?> groups, String messageName) {
        if (!groups.isEmpty()) {
            throw new IllegalArgumentException("groups are not supported (in message " + messageName.substring(1)
                    + "); use a nested message instead");
        }
    }

    private static void rejectExtend(List<?> extendDeclarations, String where) {
        if (!extendDeclarations.isEmpty()) {
            throw new IllegalArgumentException("extensions (extend declarations) are not supported, in " + where);
        }
    }

    private static String position(Location location) {
        return location.getLine() + ":" + location.getColumn();
    }
}
