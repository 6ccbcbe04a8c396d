package io.kafkarest.admin.core;

/**
 * One ACL: who (principal, host) may or may not (permission) do what (operation) on which resources (type, name,
 * pattern). The enums are Kafka's values; ANY, MATCH and UNKNOWN only make sense in an {@link AclFilter}.
 */
public record AclRule(ResourceType resourceType, String resourceName, PatternType patternType, String principal,
                      String host, Operation operation, Permission permission) {

    public enum ResourceType { UNKNOWN, ANY, TOPIC, GROUP, CLUSTER, TRANSACTIONAL_ID, DELEGATION_TOKEN, USER }

    public enum PatternType { UNKNOWN, ANY, MATCH, LITERAL, PREFIXED }

    public enum Operation {
        UNKNOWN, ANY, ALL, READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS,
        ALTER_CONFIGS, IDEMPOTENT_WRITE, CREATE_TOKENS, DESCRIBE_TOKENS, TWO_PHASE_COMMIT
    }

    public enum Permission { UNKNOWN, ANY, DENY, ALLOW }
}
