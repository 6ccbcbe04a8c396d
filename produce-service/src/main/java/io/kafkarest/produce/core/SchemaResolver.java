package io.kafkarest.produce.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kafkarest.schema.RegisteredSchema;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Finds the registered schema a request names and parses it, with caches so that a hot produce path makes no
 * registry call: schemas by id and by subject version never change; an id for schema text is remembered once
 * registered; only "latest version of a subject" (v3 without schema, id or version) expires, after
 * {@link SchemaSettings#latestCacheTtl()}.
 */
@Singleton
public class SchemaResolver {
    private final SchemaRegistry registry;
    private final RecordDecoders decoders;
    private final Cache<Integer, ResolvedSchema> byId;
    private final Cache<TextKey, ParsedSchema> parsedByText;
    private final Cache<SubjectText, Integer> idsBySubjectText;
    private final Cache<SubjectVersion, Integer> idsByVersion;
    private final Cache<String, RegisteredSchema> latest;

    public SchemaResolver(SchemaRegistry registry, RecordDecoders decoders, SchemaSettings settings) {
        this.registry = registry;
        this.decoders = decoders;
        long size = settings.cacheSize();
        this.byId = Caffeine.newBuilder().maximumSize(size).build();
        this.parsedByText = Caffeine.newBuilder().maximumSize(size).build();
        this.idsBySubjectText = Caffeine.newBuilder().maximumSize(size).build();
        this.idsByVersion = Caffeine.newBuilder().maximumSize(size).build();
        this.latest = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(settings.latestCacheTtl()).build();
    }

    /**
     * The schema for the keys ({@code isKey}) or values of a topic.
     *
     * @param format the format the request names, or {@code null} when it names none (v3 with a schema id, version
     *               or subject: the registered schema's type decides)
     * @return the schema, or {@code null} when the format is schemaless
     * @throws ProduceException {@code KEY_SCHEMA_MISSING}/{@code VALUE_SCHEMA_MISSING}, {@code INVALID_SCHEMA}, or
     *                          {@code REGISTRY_UNAVAILABLE}
     */
    public ResolvedSchema resolve(String topic, boolean isKey, RecordFormat format, SchemaReference ref) {
        if (format != null && !format.usesSchema()) {
            return null;
        }
        if (ref.id() != null) {
            return checked(byId(ref.id()), format);
        }
        if (ref.schema() != null) {
            if (format == null) {
                throw invalid("a schema needs a type (AVRO, JSONSCHEMA or PROTOBUF)");
            }
            return register(topic, isKey, format, ref);
        }
        if (ref.version() != null || ref.subject() != null || format != null) {
            String subject = subject(topic, isKey, ref, null);
            return checked(byVersion(subject, ref.version(), isKey), format);
        }
        return null;
    }

    /** Parses schema text of a format (cached), or fails with {@code INVALID_SCHEMA}. */
    public ParsedSchema parse(RecordFormat format, String text) {
        return parsedByText.get(new TextKey(format, text), key -> decoders.forFormat(format).parseSchema(text));
    }

    private ResolvedSchema register(String topic, boolean isKey, RecordFormat format, SchemaReference ref) {
        ParsedSchema parsed = parse(format, ref.schema());
        String subject = subject(topic, isKey, ref, parsed);
        SubjectText key = new SubjectText(subject, format, parsed.text());
        Integer id = idsBySubjectText.get(key, k -> registry.register(subject, format.schemaType(), parsed.text()));
        ResolvedSchema resolved = new ResolvedSchema(
                new RegisteredSchema(id, subject, null, format.schemaType(), parsed.text()), parsed);
        byId.asMap().putIfAbsent(id, resolved);
        return resolved;
    }

    private ResolvedSchema byId(int id) {
        return byId.get(id, key -> {
            RegisteredSchema schema = registry.byId(id);
            return new ResolvedSchema(schema, parse(RecordFormat.of(schema.type()), schema.text()));
        });
    }

    private ResolvedSchema byVersion(String subject, Integer version, boolean isKey) {
        RegisteredSchema found;
        if (version == null) {
            found = latest.get(subject, s -> registry.version(s, null));
        } else {
            Integer id = idsByVersion.get(new SubjectVersion(subject, version), k -> {
                RegisteredSchema schema = registry.version(subject, version);
                return schema == null ? null : schema.id();
            });
            if (id == null) {
                throw invalid("Subject " + subject + " has no version " + version);
            }
            return byId(id);
        }
        if (found == null) {
            throw new ProduceException(isKey ? ProduceException.Kind.KEY_SCHEMA_MISSING
                    : ProduceException.Kind.VALUE_SCHEMA_MISSING, "No schema registered under subject " + subject);
        }
        ResolvedSchema resolved = byId(found.id());
        return new ResolvedSchema(found, resolved.parsed());
    }

    private static ResolvedSchema checked(ResolvedSchema schema, RecordFormat format) {
        if (format != null && RecordFormat.of(schema.registered().type()) != format) {
            throw invalid("schema " + schema.id() + " is a " + schema.registered().type() + " schema, not "
                    + format.schemaType());
        }
        return schema;
    }

    /** The subject: named by the request, or by its strategy (Confluent's TopicNameStrategy by default). */
    private static String subject(String topic, boolean isKey, SchemaReference ref, ParsedSchema parsed) {
        if (ref.subject() != null) {
            return ref.subject();
        }
        String strategy = ref.subjectNameStrategy() == null ? "TOPIC_NAME"
                : ref.subjectNameStrategy().trim().toUpperCase(Locale.ROOT);
        return switch (strategy) {
            case "TOPIC_NAME" -> topic + (isKey ? "-key" : "-value");
            case "RECORD_NAME" -> recordName(strategy, parsed);
            case "TOPIC_RECORD_NAME" -> topic + "-" + recordName(strategy, parsed);
            default -> throw invalid("subject_name_strategy " + ref.subjectNameStrategy()
                    + " is not one of TOPIC_NAME, RECORD_NAME, TOPIC_RECORD_NAME");
        };
    }

    private static String recordName(String strategy, ParsedSchema parsed) {
        if (parsed == null || parsed.recordName() == null) {
            throw invalid("subject_name_strategy " + strategy + " needs a schema with a record name");
        }
        return parsed.recordName();
    }

    private static ProduceException invalid(String message) {
        return new ProduceException(ProduceException.Kind.INVALID_SCHEMA, message);
    }

    private record TextKey(RecordFormat format, String text) {
    }

    private record SubjectText(String subject, RecordFormat format, String text) {
    }

    private record SubjectVersion(String subject, int version) {
    }
}
