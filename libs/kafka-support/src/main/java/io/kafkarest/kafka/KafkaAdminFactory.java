package io.kafkarest.kafka;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The one shared {@link Admin} client of a service (its metrics in the registry), closed when the service stops. */
@Factory
public class KafkaAdminFactory {

    @Singleton
    @Bean(preDestroy = "close")
    public Admin admin(KafkaClientSettings settings, KafkaClientMeters meters) {
        Map<String, Object> props = settings.admin();
        props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-rest-admin");
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        Admin admin = Admin.create(props);
        meters.bind(admin); // lives as long as the client, which lives as long as the service
        return admin;
    }
}
