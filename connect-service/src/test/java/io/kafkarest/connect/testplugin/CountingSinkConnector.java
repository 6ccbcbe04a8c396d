package io.kafkarest.connect.testplugin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * A user's connector as a test puts it into a plugin directory: {@code PluginPathTest} packs these classes into a jar
 * with a {@code META-INF/services} manifest. The test classpath has no such manifest, so the worker only finds this
 * connector through {@code plugin.path}.
 */
public class CountingSinkConnector extends SinkConnector {
    public static final String VERSION = "0.0.1-test";

    private Map<String, String> config;

    @Override
    public void start(Map<String, String> props) {
        this.config = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CountingSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(config);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define("greeting", ConfigDef.Type.STRING, "hello", ConfigDef.Importance.LOW,
                "Not used; shows that the plugin's own config definition is served");
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** Counts what it is given and drops it. */
    public static class CountingSinkTask extends SinkTask {
        private long count;

        @Override
        public String version() {
            return VERSION;
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            count += records.size();
        }

        @Override
        public void stop() {
        }
    }
}
