package io.kafkarest.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {
    private final RouteTable table = RouteTable.standard();

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            // Kafka Connect
            "GET,    /,                                                 CONNECT, FORWARD",
            "HEAD,   /,                                                 CONNECT, FORWARD",
            "GET,    /connectors,                                       CONNECT, FORWARD",
            "POST,   /connectors,                                       CONNECT, FORWARD",
            "GET,    /connectors?expand=status&expand=info,             CONNECT, FORWARD",
            "GET,    /connectors/my-sink,                               CONNECT, FORWARD",
            "DELETE, /connectors/my-sink,                               CONNECT, FORWARD",
            "PUT,    /connectors/my-sink/config,                        CONNECT, FORWARD",
            "PATCH,  /connectors/my-sink/config,                        CONNECT, FORWARD",
            "GET,    /connectors/my-sink/status,                        CONNECT, FORWARD",
            "POST,   /connectors/my-sink/restart,                       CONNECT, FORWARD",
            "PUT,    /connectors/my-sink/pause,                         CONNECT, FORWARD",
            "PUT,    /connectors/my-sink/stop,                          CONNECT, FORWARD",
            "PUT,    /connectors/my-sink/resume,                        CONNECT, FORWARD",
            "GET,    /connectors/my-sink/tasks,                         CONNECT, FORWARD",
            "POST,   /connectors/my-sink/tasks,                         CONNECT, FORWARD",
            "PUT,    /connectors/my-sink/fence,                         CONNECT, FORWARD",
            "GET,    /connectors/my-sink/tasks/0/status,                CONNECT, FORWARD",
            "POST,   /connectors/my-sink/tasks/0/restart,               CONNECT, FORWARD",
            "GET,    /connectors/my-sink/topics,                        CONNECT, FORWARD",
            "PUT,    /connectors/my-sink/topics/reset,                  CONNECT, FORWARD",
            "GET,    /connectors/my-sink/offsets,                       CONNECT, FORWARD",
            "GET,    /connector-plugins,                                CONNECT, FORWARD",
            "PUT,    /connector-plugins/FileStreamSinkConnector/config/validate, CONNECT, FORWARD",
            "GET,    /admin/loggers,                                    CONNECT, FORWARD",
            "PUT,    /admin/loggers/org.apache.kafka.connect,           CONNECT, FORWARD",
            "GET,    /health,                                           CONNECT, FORWARD",
            // produce (v1/v2/v3)
            "POST,   /topics/orders,                                    PRODUCE, FORWARD",
            "POST,   /topics/orders/partitions/0,                       PRODUCE, FORWARD",
            "POST,   /v3/clusters/abc/topics/orders/records,            PRODUCE, FORWARD",
            "POST,   /v3/clusters/abc/topics/orders/records:batch,      PRODUCE, FORWARD",
            "POST,   /v3/clusters/abc/topics/orders/records%3Abatch,    PRODUCE, FORWARD",
            // consume (v1/v2 instances pinned, v1 simple consumer)
            "POST,   /consumers/my-group,                               CONSUME, CONSUMER_CREATE",
            "DELETE, /consumers/my-group/instances/c1,                  CONSUME, CONSUMER_INSTANCE",
            "POST,   /consumers/my-group/instances/c1/subscription,     CONSUME, CONSUMER_INSTANCE",
            "GET,    /consumers/my-group/instances/c1/subscription,     CONSUME, CONSUMER_INSTANCE",
            "GET,    /consumers/my-group/instances/c1/records,          CONSUME, CONSUMER_INSTANCE",
            "POST,   /consumers/my-group/instances/c1/offsets,          CONSUME, CONSUMER_INSTANCE",
            "GET,    /consumers/my-group/instances/c1/offsets,          CONSUME, CONSUMER_INSTANCE",
            "POST,   /consumers/my-group/instances/c1/positions/beginning, CONSUME, CONSUMER_INSTANCE",
            "POST,   /consumers/my-group/instances/c1/assignments,      CONSUME, CONSUMER_INSTANCE",
            "GET,    /consumers/my-group/instances/c1/topics/orders,    CONSUME, CONSUMER_INSTANCE",
            "GET,    /consumers/my-group,                               CONSUME, FORWARD",
            "GET,    /consumers/my-group/instances,                     CONSUME, FORWARD",
            "GET,    /topics/orders/partitions/0/messages?offset=3,     CONSUME, FORWARD",
            // admin (v1/v2 metadata, v3 except records)
            "GET,    /topics,                                           ADMIN,   FORWARD",
            "GET,    /topics/orders,                                    ADMIN,   FORWARD",
            "HEAD,   /topics/orders,                                    ADMIN,   FORWARD",
            "GET,    /topics/orders/partitions,                         ADMIN,   FORWARD",
            "GET,    /topics/orders/partitions/0,                       ADMIN,   FORWARD",
            "GET,    /brokers,                                          ADMIN,   FORWARD",
            "GET,    /brokers/1,                                        ADMIN,   FORWARD",
            "GET,    /v3/clusters,                                      ADMIN,   FORWARD",
            "GET,    /v3/clusters/abc/topics,                           ADMIN,   FORWARD",
            "POST,   /v3/clusters/abc/topics,                           ADMIN,   FORWARD",
            "DELETE, /v3/clusters/abc/topics/orders,                    ADMIN,   FORWARD",
            "GET,    /v3/clusters/abc/topics/orders/records,            ADMIN,   FORWARD",
            "POST,   /v3/clusters/abc/topics/orders/configs:alter,      ADMIN,   FORWARD",
            "GET,    /v3/clusters/abc/consumer-groups,                  ADMIN,   FORWARD",
            "POST,   /v3/clusters/abc/acls,                             ADMIN,   FORWARD",
    })
    void routesEveryFamily(String method, String uri, BackendService service, RouteKind kind) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        Optional<RouteMatch> match = table.match(method, path);
        assertTrue(match.isPresent(), method + " " + path + " must be routed");
        assertEquals(service, match.get().service(), method + " " + path);
        assertEquals(kind, match.get().kind(), method + " " + path);
    }

    @ParameterizedTest(name = "{0} {1} -> 404")
    @CsvSource({
            "GET,    /nope",
            "GET,    /v2",
            "DELETE, /topics/orders",
            "PUT,    /topics/orders",
            "POST,   /topics",
            "PUT,    /topics/orders/partitions/0",
            "POST,   /topics/orders/partitions/0/messages",
            "POST,   /",
            "POST,   /health",
            "GET,    /internal/consumers/g/instances/i",
            "POST,   /brokers",
            "DELETE, /brokers/1",
            "GET,    /connectorsX",
    })
    void unknownPathsAreNotRouted(String method, String path) {
        assertTrue(table.match(method, path).isEmpty(), method + " " + path + " must not be routed");
    }

    @Test
    void theMethodsOfAKnownPathAreTheAllowedOnes() {
        assertEquals(java.util.Set.of("GET", "HEAD", "POST"), table.allowedMethods("/topics/t"));
        assertEquals(java.util.Set.of("GET", "HEAD"), table.allowedMethods("/brokers"));
        assertEquals(java.util.Set.of("GET", "HEAD"), table.allowedMethods("/topics/t/partitions/0/messages"));
        assertTrue(table.allowedMethods("/no/such/path").isEmpty());
    }

    @Test
    void collisionsAreDecidedByMethod() {
        assertEquals(BackendService.ADMIN, table.match("GET", "/topics/t").orElseThrow().service());
        assertEquals(BackendService.PRODUCE, table.match("POST", "/topics/t").orElseThrow().service());
        assertEquals(BackendService.ADMIN, table.match("GET", "/topics/t/partitions/1").orElseThrow().service());
        assertEquals(BackendService.PRODUCE, table.match("POST", "/topics/t/partitions/1").orElseThrow().service());
        assertEquals(BackendService.CONSUME,
                table.match("GET", "/topics/t/partitions/1/messages").orElseThrow().service());
        assertEquals(BackendService.PRODUCE,
                table.match("POST", "/v3/clusters/c/topics/t/records").orElseThrow().service());
        assertEquals(BackendService.ADMIN,
                table.match("GET", "/v3/clusters/c/topics/t/records").orElseThrow().service());
        assertEquals(BackendService.CONNECT, table.match("GET", "/").orElseThrow().service());
    }

    @Test
    void variablesAreDecodedAndTrailingSlashesIgnored() {
        RouteMatch m = table.match("GET", "/consumers/my%20group/instances/inst%2F1/records/").orElseThrow();
        assertEquals("my group", m.variable("group"));
        assertEquals("inst/1", m.variable("instance"));
        assertEquals(RouteKind.CONSUMER_INSTANCE, m.kind());
        assertEquals("/consumers/my%20group/instances/inst%2F1",
                new ConsumerInstanceKey(m.variable("group"), m.variable("instance")).path());
        assertEquals(BackendService.CONNECT, table.match("GET", "/connectors/").orElseThrow().service());
    }

    @Test
    void tableIsPrintable() {
        String printed = table.toString();
        assertTrue(printed.contains("POST    /topics/{topic}"), printed);
        assertTrue(printed.contains("-> produce-service"), printed);
    }
}
