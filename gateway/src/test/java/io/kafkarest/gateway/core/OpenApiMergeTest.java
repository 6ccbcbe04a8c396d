package io.kafkarest.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class OpenApiMergeTest {
    private static final String ADMIN = """
            openapi: 3.0.1
            info: {title: admin, version: '1', description: metadata}
            paths:
              /topics/{topic}:
                get: {operationId: get, responses: {'200': {content: {application/json: {schema: {$ref: '#/components/schemas/Topic'}}}}}}
              /connectors:
                get: {operationId: stray}
            components:
              schemas:
                Topic: {type: object, properties: {name: {type: string}}}
                Error: {type: object}
            """;
    private static final String PRODUCE = """
            openapi: 3.0.1
            info: {title: produce, version: '1'}
            paths:
              /topics/{topic}:
                post: {operationId: get, tags: [records], responses: {'200': {content: {application/json: {schema: {$ref: '#/components/schemas/Topic'}}}}}}
            components:
              schemas:
                Topic: {type: string}
                Error: {type: object}
            """;

    @Test
    void mergesPathsByMethodAndKeepsOnlyWhatTheGatewayRoutesToTheService() {
        OpenApiMerge.Result result = merge();
        Map<String, Object> topic = map(map(result.document().get("paths")).get("/topics/{topic}"));
        assertEquals(List.of("get", "post"), List.copyOf(topic.keySet()), "admin's GET and produce's POST");
        assertEquals("admin_get", map(topic.get("get")).get("operationId"));
        assertEquals("produce_get", map(topic.get("post")).get("operationId"));
        assertEquals(List.of("admin-service"), map(topic.get("get")).get("tags"));
        assertEquals(List.of("records"), map(topic.get("post")).get("tags"), "a service's own tags are kept");
        assertEquals(List.of("GET /connectors (admin-service)"), result.dropped(), "connect's, not admin's");
        assertEquals(List.of(Map.of("url", "/")), result.document().get("servers"));
    }

    @Test
    void aComponentNameUsedForDifferentContentIsRenamedWithItsReferences() {
        OpenApiMerge.Result result = merge();
        Map<String, Object> schemas = map(map(result.document().get("components")).get("schemas"));
        assertEquals(List.of("Error", "Topic", "produce-service.Topic"), List.copyOf(schemas.keySet()));
        assertEquals(Map.of("type", "string"), schemas.get("produce-service.Topic"));
        Map<String, Object> post = map(map(map(result.document().get("paths")).get("/topics/{topic}")).get("post"));
        String ref = String.valueOf(map(map(map(map(map(post.get("responses")).get("200")).get("content"))
                .get("application/json")).get("schema")).get("$ref"));
        assertEquals("#/components/schemas/produce-service.Topic", ref);
    }

    private static OpenApiMerge.Result merge() {
        Map<BackendService, Map<String, Object>> docs = new LinkedHashMap<>();
        docs.put(BackendService.ADMIN, parse(ADMIN));
        docs.put(BackendService.PRODUCE, parse(PRODUCE));
        return new OpenApiMerge(RouteTable.standard()).merge(Map.of("title", "all", "version", "1"), "/", docs);
    }

    private static Map<String, Object> parse(String yaml) {
        return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
