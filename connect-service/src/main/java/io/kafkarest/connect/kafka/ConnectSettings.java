package io.kafkarest.connect.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Optional;

/**
 * The named settings of the embedded Connect worker ({@code connect.*}; env {@code CONNECT_GROUP_ID},
 * {@code CONNECT_CONFIG_STORAGE_TOPIC}, {@code CONNECT_OFFSET_STORAGE_TOPIC}, {@code CONNECT_STATUS_STORAGE_TOPIC},
 * {@code CONNECT_REPLICATION_FACTOR}, {@code CONNECT_ADVERTISED_URL}, {@code CONNECT_PLUGIN_PATH}). Raw worker keys pass through from
 * {@code connect.worker.*} (see {@link WorkerProperties}).
 *
 * @param replicationFactor replication factor of the three internal topics
 * @param advertisedUrl     the URL other workers use to reach this one (leader forwarding); by default
 *                          {@code http://<local host address>:<server port>}
 * @param pluginPath        the worker's {@code plugin.path}: comma-separated directories holding users' connector,
 *                          transformation and converter plugins (each a directory or jar per plugin); unset = only
 *                          the plugins built into the service
 */
@ConfigurationProperties("connect")
public record ConnectSettings(
        @Bindable(defaultValue = "connect-cluster") String groupId,
        @Bindable(defaultValue = "connect-configs") String configStorageTopic,
        @Bindable(defaultValue = "connect-offsets") String offsetStorageTopic,
        @Bindable(defaultValue = "connect-status") String statusStorageTopic,
        @Bindable(defaultValue = "1") short replicationFactor,
        @Nullable String advertisedUrl,
        @Nullable String pluginPath) {

    public Optional<String> pluginPathIfSet() {
        return pluginPath == null || pluginPath.isBlank() ? Optional.empty() : Optional.of(pluginPath.trim());
    }

    public Optional<String> advertisedUrlIfSet() {
        return advertisedUrl == null || advertisedUrl.isBlank() ? Optional.empty() : Optional.of(advertisedUrl.trim());
    }
}
