package io.kafkarest.admin.api.v3;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkarest.admin.api.v3.V3Wire.ResourceMetadata;
import io.kafkarest.admin.core.AclFilter;
import io.kafkarest.admin.core.AclRule;
import io.kafkarest.admin.core.AclRule.Operation;
import io.kafkarest.admin.core.AclRule.PatternType;
import io.kafkarest.admin.core.AclRule.Permission;
import io.kafkarest.admin.core.AclRule.ResourceType;
import io.kafkarest.rest.ErrorCode;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The v3 ACL resource and requests, and the parsing of ACL fields (enum names, case-insensitive). */
final class AclWire {
    private AclWire() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Acl(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
               @JsonProperty("resource_type") String resourceType, @JsonProperty("resource_name") String resourceName,
               @JsonProperty("pattern_type") String patternType, String principal, String host, String operation,
               String permission) {

        static Acl of(V3Links links, String clusterId, AclRule r) {
            String self = selfUrl(links, r.resourceType().name(), r.resourceName(), r.patternType().name(),
                    r.principal(), r.host(), r.operation().name(), r.permission().name());
            return new Acl("KafkaAcl", new ResourceMetadata(self, null), clusterId, r.resourceType().name(),
                    r.resourceName(), r.patternType().name(), r.principal(), r.host(), r.operation().name(),
                    r.permission().name());
        }
    }

    /** {@code POST /acls} and each entry of {@code POST /acls:batch}: every field is required. */
    @Serdeable
    record CreateAclRequest(@JsonProperty("resource_type") String resourceType,
                            @JsonProperty("resource_name") String resourceName,
                            @JsonProperty("pattern_type") String patternType, String principal, String host,
                            String operation, String permission) {
    }

    @Serdeable
    record BatchCreateAclRequest(List<CreateAclRequest> data) {
    }

    /** What {@code DELETE /acls} answers: the deleted ACLs ({@code "data": []} when none matched). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeletedAcls(List<Acl> data) {
    }

    /** The search/delete filter from query parameters; absent ones match everything. */
    static AclFilter toFilter(String resourceType, String resourceName, String patternType, String principal,
                              String host, String operation, String permission) {
        return new AclFilter(
                parseFilterValue(ResourceType.class, resourceType, "resource_type"), nonEmpty(resourceName),
                parseFilterValue(PatternType.class, patternType, "pattern_type"), nonEmpty(principal), nonEmpty(host),
                parseFilterValue(Operation.class, operation, "operation"),
                parseFilterValue(Permission.class, permission, "permission"));
    }

    /** The API spec makes these filter fields mandatory for a delete. */
    static void requireDeleteFilter(String resourceType, String patternType, String operation, String permission) {
        required(resourceType, "resource_type");
        required(patternType, "pattern_type");
        required(operation, "operation");
        required(permission, "permission");
    }

    /** {@code at} names the body in messages, e.g. "" or "data[1].". */
    static AclRule toRule(CreateAclRequest body, String at) {
        if (body == null) {
            throw ErrorCode.BAD_REQUEST.exception("An ACL is required" + (at.isEmpty() ? "." : " at " + at));
        }
        return new AclRule(
                parseRuleValue(ResourceType.class, body.resourceType(), at + "resource_type"),
                required(body.resourceName(), at + "resource_name"),
                parseRuleValue(PatternType.class, body.patternType(), at + "pattern_type"),
                required(body.principal(), at + "principal"), required(body.host(), at + "host"),
                parseRuleValue(Operation.class, body.operation(), at + "operation"),
                parseRuleValue(Permission.class, body.permission(), at + "permission"));
    }

    static String selfUrl(V3Links links, String resourceType, String resourceName, String patternType,
                          String principal, String host, String operation, String permission) {
        return links.acls() + "?resource_type=" + query(resourceType) + "&resource_name=" + query(resourceName)
                + "&pattern_type=" + query(patternType) + "&principal=" + query(principal) + "&host=" + query(host)
                + "&operation=" + query(operation) + "&permission=" + query(permission);
    }

    private static String query(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ErrorCode.BAD_REQUEST.exception(field + " is required.");
        }
        return value;
    }

    /** In a filter, absent means ANY; UNKNOWN matches nothing and is refused. */
    private static <E extends Enum<E>> E parseFilterValue(Class<E> type, String value, String field) {
        E parsed = value == null || value.isEmpty() ? Enum.valueOf(type, "ANY") : parse(type, value, field);
        if (parsed.name().equals("UNKNOWN")) {
            throw ErrorCode.BAD_REQUEST.exception(field + " cannot be UNKNOWN.");
        }
        return parsed;
    }

    /** In an ACL to create, every value must be concrete: not ANY, UNKNOWN or (for patterns) MATCH. */
    private static <E extends Enum<E>> E parseRuleValue(Class<E> type, String value, String field) {
        E parsed = parse(type, required(value, field), field);
        if (Set.of("ANY", "UNKNOWN", "MATCH").contains(parsed.name())) {
            throw ErrorCode.BAD_REQUEST.exception(field + " cannot be " + parsed.name() + " in an ACL to create.");
        }
        return parsed;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ErrorCode.BAD_REQUEST.exception(field + " '" + value + "' is not one of "
                    + List.of(type.getEnumConstants()) + ".");
        }
    }
}
