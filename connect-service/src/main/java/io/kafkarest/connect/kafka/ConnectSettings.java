package io.kafkarest.connect.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Optional;

/**
 * The named settings of the embedded Connect worker ({@code connect.*}; env {@code CONNECT_GROUP_ID},
 * {@code CONNECT_CONFIG_STORAGE_TOPIC}, {@code CONNECT_OFFSET_STORAGE_TOPIC}, {@code CONNECT_STATUS_STORAGE_TOPIC},
 * {@code CONNECT_REPLICATION_FACTOR}, {@code CONNECT_ADVERTISED_URL}). Raw worker keys pass through from
 * {@code connect.worker.*} (see {@link WorkerProperties}).
 *
 * @param replicationFactor replication factor of the three internal topics
 * @param advertisedUrl     the URL other workers use to reach this one (leader forwarding); by default
 *                          {@code http://<local host address>:<server port>}
 */
@ConfigurationProperties("connect")
public record ConnectSettings(
        @Bindable(defaultValue = "connect-cluster") String groupId,
        @Bindable(defaultValue = "connect-configs") String configStorageTopic,
        @Bindable(defaultValue = "connect-offsets") String offsetStorageTopic,
        @Bindable(defaultValue = "connect-status") String statusStorageTopic,
        @Bindable(defaultValue = "1") short replicationFactor,
        @Nullable String advertisedUrl) {

    public Optional<String> advertisedUrlIfSet() {
        return advertisedUrl == null || advertisedUrl.isBlank() ? Optional.empty() : Optional.of(advertisedUrl.trim());
    }
}
