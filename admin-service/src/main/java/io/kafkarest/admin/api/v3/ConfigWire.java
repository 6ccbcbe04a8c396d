package io.kafkarest.admin.api.v3;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkarest.admin.api.v3.V3Wire.ResourceMetadata;
import io.kafkarest.admin.core.ConfigInfo;
import io.kafkarest.admin.core.ConfigScope;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The v3 config resources (topic, broker and cluster-wide broker configs share one shape; only the field that says
 * whose config it is differs) and the config requests.
 */
final class ConfigWire {
    private ConfigWire() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Config(String kind, ResourceMetadata metadata, @JsonProperty("cluster_id") String clusterId,
                  @JsonProperty("topic_name") @JsonInclude(JsonInclude.Include.NON_NULL) String topicName,
                  @JsonProperty("broker_id") @JsonInclude(JsonInclude.Include.NON_NULL) Integer brokerId,
                  @JsonProperty("config_type") @JsonInclude(JsonInclude.Include.NON_NULL) String configType,
                  String name, String value, @JsonProperty("is_default") boolean isDefault,
                  @JsonProperty("is_read_only") boolean readOnly, @JsonProperty("is_sensitive") boolean sensitive,
                  String source, List<Synonym> synonyms) {

        static Config of(V3Links links, String clusterId, ConfigScope scope, ConfigInfo c) {
            boolean topic = scope.type() == ConfigScope.Type.TOPIC;
            boolean broker = scope.type() == ConfigScope.Type.BROKER;
            return new Config(kindOf(scope), ResourceMetadata.of(links.config(scope, c.name())), clusterId,
                    topic ? scope.name() : null, broker ? Integer.valueOf(scope.name()) : null,
                    scope.type() == ConfigScope.Type.CLUSTER ? "BROKER" : null, c.name(), c.value(), c.isDefault(),
                    c.readOnly(), c.sensitive(), c.source(),
                    c.synonyms().stream().map(s -> new Synonym(s.name(), s.value(), s.source())).toList());
        }

        static String kindOf(ConfigScope scope) {
            return switch (scope.type()) {
                case TOPIC -> "KafkaTopicConfig";
                case BROKER -> "KafkaBrokerConfig";
                case CLUSTER -> "KafkaClusterConfig";
            };
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Synonym(String name, String value, String source) {
    }

    /** A config given when a topic is created. */
    @Serdeable
    record NameValue(String name, String value) {
    }

    /** {@code PUT .../configs/{name}}. */
    @Serdeable
    record UpdateConfigRequest(String value) {
    }

    /** {@code POST .../configs:alter}: {@code operation} is SET (the default) or DELETE. */
    @Serdeable
    record AlterConfigsRequest(List<AlterEntry> data, @JsonProperty("validate_only") Boolean validateOnly) {
    }

    @Serdeable
    record AlterEntry(String name, String value, String operation) {
    }

    /** {@code POST /v3/clusters/{c}/topics/-/configs:alter}: changes for many topics at once. */
    @Serdeable
    record AlterTopicsConfigsRequest(List<TopicAlterEntry> data, @JsonProperty("validate_only") Boolean validateOnly) {
    }

    @Serdeable
    record TopicAlterEntry(@JsonProperty("topic_name") String topicName, List<AlterEntry> configs) {
    }

    /** The 207 answer of a many-topics alter: the topics whose changes failed. */
    @Serdeable
    record AlterFailures(List<AlterFailure> failures) {
    }

    @Serdeable
    record AlterFailure(@JsonProperty("topic_name") String topicName, @JsonProperty("error_code") int errorCode,
                        String message) {
    }
}
