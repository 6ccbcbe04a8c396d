package io.kafkarest.kafka;

import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.configuration.kafka.config.AbstractKafkaProducerConfiguration;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.ApplicationContext;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Started in a child JVM by {@link KafkaEnvironmentVariablesTest}: prints the micronaut-kafka configurations a
 * service would get from its real environment, one {@code <kind> <key>=<value>} line per setting.
 */
public final class KafkaConfigurationPrinter {
    private KafkaConfigurationPrinter() {
    }

    public static void main(String[] args) {
        try (ApplicationContext context = ApplicationContext.run()) {
            print("every", context.getBean(KafkaDefaultConfiguration.class).getConfig());
            print("producer", context.getBean(AbstractKafkaProducerConfiguration.class).getConfig());
            print("consumer", context.getBean(AbstractKafkaConsumerConfiguration.class).getConfig());
        }
        System.out.flush();
    }

    private static void print(String kind, Properties settings) {
        new TreeMap<>(settings).forEach((key, value) -> System.out.println("SETTING " + kind + " " + key + "=" + value));
    }
}
