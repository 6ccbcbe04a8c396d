package io.kafkarest.gateway.api;

import io.kafkarest.gateway.core.BackendService;
import io.kafkarest.gateway.core.OpenApiMerge;
import io.kafkarest.gateway.core.RouteTable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI 3 document of the whole API the gateway fronts: the services' descriptions, generated at build time
 * by micronaut-openapi and copied into this jar ({@code META-INF/api-docs/<service>.yml}, see the pom), merged by
 * {@link OpenApiMerge} on first use and kept; rendered as YAML once per server URL (a few at most).
 */
@Singleton
public class ApiDescription {
    static final String RESOURCES = "META-INF/api-docs/";
    private static final Logger LOG = LoggerFactory.getLogger(ApiDescription.class);
    /** Connect first: its root {@code GET /} heads the document, then the REST Proxy. */
    private static final List<BackendService> ORDER = List.of(BackendService.CONNECT, BackendService.ADMIN,
            BackendService.PRODUCE, BackendService.CONSUME);
    private static final int RENDERED_MAX = 8;

    private final RouteTable routes;
    private volatile Map<String, Object> merged;
    private final Map<String, String> rendered = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > RENDERED_MAX;
                }
            });

    public ApiDescription(RouteTable routes) {
        this.routes = routes;
    }

    /** The document as YAML, with {@code servers} = the gateway's URL as the client sees it. */
    public String yaml(String serverUrl) {
        return rendered.computeIfAbsent(serverUrl, url -> {
            Map<String, Object> document = new LinkedHashMap<>(document());
            document.put("servers", List.of(Map.of("url", url)));
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            options.setWidth(120);
            return new Yaml(options).dump(document);
        });
    }

    private Map<String, Object> document() {
        Map<String, Object> document = merged;
        if (document == null) {
            synchronized (this) {
                if (merged == null) {
                    merged = merge();
                }
                document = merged;
            }
        }
        return document;
    }

    private Map<String, Object> merge() {
        Map<BackendService, Map<String, Object>> docs = new LinkedHashMap<>();
        for (BackendService service : ORDER) {
            Map<String, Object> doc = load(service);
            if (doc == null) {
                LOG.warn("No OpenAPI description of {} in this build ({}{}.yml): its paths are missing from "
                        + "/openapi.yaml", service.id(), RESOURCES, service.id());
            } else {
                docs.put(service, doc);
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Kafka REST on Micronaut");
        info.put("version", version());
        info.put("description", "The Confluent Kafka REST Proxy API (v1, v2, v3) and the Apache Kafka Connect REST "
                + "API, served by one gateway. Each operation is tagged with the service that answers it.");
        OpenApiMerge.Result result = new OpenApiMerge(routes).merge(info, "/", docs);
        if (!result.dropped().isEmpty()) {
            LOG.info("Left out of /openapi.yaml, not routed to the service that describes them: {}",
                    result.dropped());
        }
        return result.document();
    }

    private static Map<String, Object> load(BackendService service) {
        try (InputStream in = ApiDescription.class.getClassLoader()
                .getResourceAsStream(RESOURCES + service.id() + ".yml")) {
            if (in == null) {
                return null;
            }
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = doc instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version() {
        String version = ApiDescription.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0" : version;
    }
}
