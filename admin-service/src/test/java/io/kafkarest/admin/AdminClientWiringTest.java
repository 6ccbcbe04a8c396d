package io.kafkarest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.micronaut.configuration.kafka.admin.AdminClientFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.junit.jupiter.api.Test;

/**
 * The managers use micronaut-kafka's {@link AdminClient} bean, the service's only Admin client, configured by
 * {@code kafka.*} in application.yml ({@code client.id=kafka-rest-admin}).
 */
@MicronautTest
class AdminClientWiringTest extends AdminServiceTest {
    @Inject
    ApplicationContext context;
    @Inject
    Admin admin;

    @Test
    void theAdminClientIsMicronautKafkasAndAnswers() throws Exception {
        assertEquals(1, context.getBeansOfType(Admin.class).size());
        assertSame(context.getBean(AdminClient.class), admin);
        assertEquals(AdminClientFactory.class,
                context.getBeanDefinition(AdminClient.class).getDeclaringType().orElseThrow());
        assertEquals(1L, admin.metrics().keySet().stream()
                .map(name -> name.tags().get("client-id")).filter("kafka-rest-admin"::equals).distinct().count());
        assertEquals(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS),
                http().get("/v3/clusters").expect(200).at("data", 0, "cluster_id"));
    }
}
