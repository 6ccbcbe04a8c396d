package io.kafkarest.kafka;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The one shared {@link Admin} client of a service, closed when the service stops. */
@Factory
public class KafkaAdminFactory {

    @Singleton
    @Bean(preDestroy = "close")
    public Admin admin(KafkaClientSettings settings) {
        Map<String, Object> props = settings.admin();
        props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-rest-admin");
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        return Admin.create(props);
    }
}
