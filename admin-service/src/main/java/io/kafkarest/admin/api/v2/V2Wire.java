package io.kafkarest.admin.api.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kafkarest.admin.core.ConfigInfo;
import io.kafkarest.admin.core.PartitionOffsets;
import io.kafkarest.admin.core.TopicInfo;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The v1/v2 metadata shapes (identical in both versions). Empty maps and lists are printed, as the real API does. */
final class V2Wire {
    private V2Wire() {
    }

    /** {@code configs}: the topic's own settings (overrides of the broker defaults). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Topic(String name, Map<String, String> configs, List<Partition> partitions) {
        static Topic of(TopicInfo topic, List<ConfigInfo> configs) {
            Map<String, String> overrides = new LinkedHashMap<>();
            configs.stream().filter(ConfigInfo::isTopicOverride).forEach(c -> overrides.put(c.name(), c.value()));
            return new Topic(topic.name(), overrides, topic.partitions().stream().map(Partition::of).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Partition(int partition, int leader, List<Replica> replicas) {
        static Partition of(TopicInfo.PartitionInfo p) {
            return new Partition(p.partition(), p.leader(), p.replicas().stream()
                    .map(r -> new Replica(r.broker(), r.leader(), r.inSync())).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Replica(int broker, boolean leader, @JsonProperty("in_sync") boolean inSync) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BrokerList(List<Integer> brokers) {
    }

    @Serdeable
    record Offsets(@JsonProperty("beginning_offset") long beginningOffset, @JsonProperty("end_offset") long endOffset) {
        static Offsets of(PartitionOffsets o) {
            return new Offsets(o.earliest(), o.latest());
        }
    }
}
