package io.kafkarest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.kafka.embedded.EmbeddedKafka;
import io.kafkarest.testing.FreePorts;
import io.kafkarest.testing.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** v3 ACLs against a broker with KRaft's StandardAuthorizer (the service's principal is a super user). */
@MicronautTest
class AclsV3Test extends AdminServiceTest {
    private static EmbeddedKafka securedBroker;

    @Override
    protected String bootstrapServers() {
        return securedBroker().bootstrapServers();
    }

    private static synchronized EmbeddedKafka securedBroker() {
        if (securedBroker == null) {
            try {
                securedBroker = EmbeddedKafka.start(Files.createTempDirectory("acl-kafka"), FreePorts.next(),
                        FreePorts.next(), Map.of(
                                "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                                "super.users", "User:ANONYMOUS"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(securedBroker::close, "acl-kafka-stop"));
        }
        return securedBroker;
    }

    @Test
    void createsOneAclAndAnswersItsLocation() throws Exception {
        String topic = "orders-" + UUID.randomUUID();
        TestHttp.Reply created = http().post(v3("/acls"), """
                {"resource_type":"TOPIC","resource_name":"%s","pattern_type":"LITERAL","principal":"User:alice",
                 "host":"*","operation":"READ","permission":"ALLOW"}""".formatted(topic)).expect(201);
        assertEquals(v3Url("/acls") + "?resource_type=TOPIC&resource_name=" + topic + "&pattern_type=LITERAL"
                + "&principal=User%3Aalice&host=*&operation=READ&permission=ALLOW", created.header("Location"));
        eventually("the ACL is in Kafka", () -> assertEquals(1, aclsOn(topic).size()));
        AclBinding binding = aclsOn(topic).get(0);
        assertEquals("User:alice", binding.entry().principal());
        assertEquals("READ", binding.entry().operation().name());
        assertEquals("ALLOW", binding.entry().permissionType().name());
    }

    @Test
    void searchesByFilterAndDeletesWhatMatches() throws Exception {
        String prefix = "payments-" + UUID.randomUUID() + "-";
        http().post(v3("/acls:batch"), """
                {"data":[
                 {"resource_type":"TOPIC","resource_name":"%1$s","pattern_type":"PREFIXED","principal":"User:bob",
                  "host":"*","operation":"WRITE","permission":"ALLOW"},
                 {"resource_type":"TOPIC","resource_name":"%1$seu","pattern_type":"LITERAL","principal":"User:carol",
                  "host":"10.0.0.1","operation":"READ","permission":"DENY"},
                 {"resource_type":"GROUP","resource_name":"%1$sgroup","pattern_type":"LITERAL","principal":"User:bob",
                  "host":"*","operation":"READ","permission":"ALLOW"}]}""".formatted(prefix)).expect(204);
        eventually("3 ACLs created", () -> assertEquals(3, http().get(v3("/acls?resource_name=" + prefix
                + "&pattern_type=PREFIXED")).expect(200).data().size() + http().get(v3("/acls?resource_name=" + prefix
                + "eu")).expect(200).data().size() + http().get(v3("/acls?resource_name=" + prefix + "group"))
                .expect(200).data().size()));

        TestHttp.Reply all = http().get(v3("/acls")).expect(200);
        assertEquals("KafkaAclList", all.at("kind"));
        assertEquals(v3Url("/acls") + "?resource_type=ANY&resource_name=&pattern_type=ANY&principal=&host=&operation=ANY"
                + "&permission=ANY", all.at("metadata", "self"));
        List<Map<String, Object>> ours = all.data().stream()
                .filter(a -> String.valueOf(a.get("resource_name")).startsWith(prefix)).toList();
        assertEquals(3, ours.size(), all.body());
        Map<String, Object> carol = ours.stream().filter(a -> "User:carol".equals(a.get("principal"))).findFirst().orElseThrow();
        assertEquals("KafkaAcl", carol.get("kind"));
        assertEquals(clusterId, carol.get("cluster_id"));
        assertEquals("TOPIC", carol.get("resource_type"));
        assertEquals(prefix + "eu", carol.get("resource_name"));
        assertEquals("LITERAL", carol.get("pattern_type"));
        assertEquals("10.0.0.1", carol.get("host"));
        assertEquals("READ", carol.get("operation"));
        assertEquals("DENY", carol.get("permission"));
        assertEquals(v3Url("/acls") + "?resource_type=TOPIC&resource_name=" + prefix + "eu&pattern_type=LITERAL"
                + "&principal=User%3Acarol&host=10.0.0.1&operation=READ&permission=DENY",
                TestHttp.at(carol, "metadata", "self"));
        assertTrue(!((Map<?, ?>) carol.get("metadata")).containsKey("resource_name"));

        List<Map<String, Object>> bobs = http().get(v3("/acls?principal=User:bob&resource_type=topic")).expect(200).data()
                .stream().filter(a -> String.valueOf(a.get("resource_name")).startsWith(prefix)).toList();
        assertEquals(1, bobs.size(), "filters combine; enum values in any case");
        assertEquals("WRITE", bobs.get(0).get("operation"));

        List<Map<String, Object>> matching = http().get(v3("/acls?resource_type=TOPIC&pattern_type=MATCH&resource_name="
                + prefix + "eu")).expect(200).data();
        assertEquals(List.of("PREFIXED", "LITERAL"), matching.stream()
                .sorted(Comparator.comparing(a -> String.valueOf(a.get("pattern_type")).equals("LITERAL")))
                .map(a -> a.get("pattern_type")).toList(), "MATCH finds the prefixed ACL and the literal one");

        TestHttp.Reply deleted = http().delete(v3("/acls?resource_type=ANY&resource_name=" + prefix
                + "eu&pattern_type=MATCH&operation=ANY&permission=ANY")).expect(200);
        assertEquals(2, TestHttp.maps(deleted.map().get("data")).size(), deleted.body());
        assertEquals("KafkaAcl", deleted.at("data", 0, "kind"));
        TestHttp.Reply nothing = http().delete(v3("/acls?resource_type=TOPIC&resource_name=" + prefix
                + "nothing&pattern_type=LITERAL&operation=ANY&permission=ANY")).expect(200);
        assertEquals(Map.of("data", List.of()), nothing.map(), "an empty data list when nothing matched");
        eventually("deleted", () -> assertEquals(List.of("GROUP"), http().get(v3("/acls")).expect(200).data().stream()
                .filter(a -> String.valueOf(a.get("resource_name")).startsWith(prefix))
                .map(a -> a.get("resource_type")).toList()));
    }

    @Test
    void refusesAclsThatAreNotConcreteAndFiltersThatAreIncomplete() {
        String good = """
                {"resource_type":"TOPIC","resource_name":"t","pattern_type":"LITERAL","principal":"User:alice",
                 "host":"*","operation":"READ","permission":"ALLOW"}""";
        assertTrue(http().post(v3("/acls"), good.replace("\"TOPIC\"", "\"ANY\"")).expectError(400, 400).message()
                .contains("resource_type"));
        assertTrue(http().post(v3("/acls"), good.replace("LITERAL", "MATCH")).expectError(400, 400).message()
                .contains("pattern_type"));
        assertTrue(http().post(v3("/acls"), good.replace("\"READ\"", "\"FLY\"")).expectError(400, 400).message()
                .contains("operation 'FLY'"));
        assertTrue(http().post(v3("/acls"), good.replace("\"principal\":\"User:alice\",", "")).expectError(400, 400)
                .message().contains("principal"));
        assertTrue(http().post(v3("/acls:batch"), "{\"data\":[" + good + ",{\"resource_type\":\"TOPIC\"}]}")
                .expectError(400, 400).message().contains("data[1]."));
        http().post(v3("/acls:batch"), "{\"data\":[]}").expectError(400, 400);
        assertTrue(http().get(v3("/acls?permission=UNKNOWN")).expectError(400, 400).message().contains("permission"));
        assertTrue(http().delete(v3("/acls?resource_type=TOPIC")).expectError(400, 400).message()
                .contains("pattern_type"), "a delete names its filter: no accidental delete-all");
    }

    private List<AclBinding> aclsOn(String topic) throws Exception {
        return List.copyOf(admin.describeAcls(new AclBindingFilter(
                new ResourcePatternFilter(ResourceType.TOPIC, topic, PatternType.LITERAL),
                AccessControlEntryFilter.ANY)).values().get());
    }
}
