package io.kafkarest.kafka;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.AdminClient;

/**
 * Publishes the metrics of micronaut-kafka's {@link AdminClient} bean, the service's one Admin client, through
 * {@link KafkaClientMeters} (micronaut-kafka's own Micrometer binding covers producers and consumers only).
 */
@Singleton
public class KafkaAdminMeters implements BeanCreatedEventListener<AdminClient> {
    private final BeanProvider<KafkaClientMeters> meters;
    private volatile KafkaClientMeters.Binding binding = KafkaClientMeters.Binding.NONE;

    public KafkaAdminMeters(BeanProvider<KafkaClientMeters> meters) {
        this.meters = meters;
    }

    @Override
    public AdminClient onCreated(BeanCreatedEvent<AdminClient> event) {
        binding = meters.get().bind(event.getBean());
        return event.getBean();
    }

    @PreDestroy
    void close() {
        binding.close();
    }
}
