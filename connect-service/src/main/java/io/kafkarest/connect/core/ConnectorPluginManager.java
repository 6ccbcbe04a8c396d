package io.kafkarest.connect.core;

import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.runtime.ConnectorConfig;
import org.apache.kafka.connect.runtime.isolation.PluginDesc;
import org.apache.kafka.connect.runtime.isolation.PluginType;
import org.apache.kafka.connect.runtime.isolation.PluginUtils;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConfigKeyInfo;
import org.apache.kafka.connect.runtime.rest.entities.PluginInfo;
import org.apache.kafka.connect.runtime.rest.errors.BadRequestException;
import org.apache.kafka.connect.util.FutureCallback;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.apache.maven.artifact.versioning.VersionRange;

/** The plugins installed in this worker, and connector config validation, as Connect's plugin resource does it. */
@Singleton
public class ConnectorPluginManager {
    private static final String ALIAS_SUFFIX = "Connector";

    private final HerderRequests requests;
    private volatile List<PluginInfo> plugins;

    public ConnectorPluginManager(HerderRequests requests) {
        this.requests = requests;
    }

    /** Connector plugins only (sources and sinks), or every plugin: also transformations, predicates, converters. */
    public List<PluginInfo> plugins(boolean connectorsOnly) {
        List<PluginInfo> all = allPlugins();
        if (!connectorsOnly) {
            return all;
        }
        return all.stream().filter(p -> p.type() == PluginType.SINK || p.type() == PluginType.SOURCE).toList();
    }

    public ConfigInfos validate(String pluginName, Map<String, String> config) {
        if (config == null) {
            throw new BadRequestException("Connector configuration to validate may not be empty");
        }
        String includedType = config.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        if (includedType != null && !normalized(includedType).endsWith(normalized(pluginName))) {
            throw new BadRequestException("Included connector type " + includedType
                    + " does not match request type " + pluginName);
        }
        FutureCallback<ConfigInfos> cb = new FutureCallback<>();
        requests.herder().validateConnectorConfig(config, cb, false);
        return requests.complete(cb);
    }

    public List<ConfigKeyInfo> configDefinition(String pluginName, String version) {
        VersionRange range;
        try {
            range = PluginUtils.connectorVersionRequirement(version);
        } catch (InvalidVersionSpecificationException e) {
            throw new BadRequestException("Invalid version specification: " + version, e);
        }
        return requests.herder().connectorPluginConfig(pluginName, range);
    }

    private List<PluginInfo> allPlugins() {
        List<PluginInfo> cached = plugins;
        if (cached == null) {
            Plugins installed = requests.herder().plugins();
            Set<PluginInfo> all = new LinkedHashSet<>();
            add(all, installed.sinkConnectors());
            add(all, installed.sourceConnectors());
            add(all, installed.transformations());
            add(all, installed.predicates());
            add(all, installed.converters());
            add(all, installed.headerConverters());
            cached = List.copyOf(all);
            plugins = cached;
        }
        return cached;
    }

    private static <T> void add(Set<PluginInfo> into, Set<PluginDesc<T>> descs) {
        descs.forEach(desc -> into.add(new PluginInfo(desc)));
    }

    private static String normalized(String pluginName) {
        return pluginName.endsWith(ALIAS_SUFFIX) && pluginName.length() > ALIAS_SUFFIX.length()
                ? pluginName.substring(0, pluginName.length() - ALIAS_SUFFIX.length())
                : pluginName;
    }
}
