package io.kafkarest.kafka;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.TreeMap;

/**
 * Started in a child JVM by {@link KafkaClientSettingsEnvironmentTest}: prints the settings a service would get
 * from its real environment, one {@code <kind> <key>=<value>} line per setting.
 */
public final class KafkaClientSettingsPrinter {
    private KafkaClientSettingsPrinter() {
    }

    public static void main(String[] args) {
        try (ApplicationContext context = ApplicationContext.run()) {
            KafkaClientSettings settings = context.getBean(KafkaClientSettings.class);
            print("common", settings.common());
            print("producer", settings.producer());
            print("consumer", settings.consumer());
            print("admin", settings.admin());
        }
        System.out.flush();
    }

    private static void print(String kind, Map<String, Object> settings) {
        new TreeMap<>(settings).forEach((key, value) -> System.out.println("SETTING " + kind + " " + key + "=" + value));
    }
}
