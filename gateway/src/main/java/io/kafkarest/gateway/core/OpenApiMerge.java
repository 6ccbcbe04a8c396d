package io.kafkarest.gateway.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI 3 documents (as parsed YAML: maps, lists, scalars) into the one document of the API
 * the gateway fronts: one {@code info}, {@code servers} = the gateway, the union of the {@code paths} and of the
 * {@code components}. An operation is kept only where the {@link RouteTable} sends it to the service that describes
 * it, so the document says what the gateway routes. Every operation is tagged with its service, and its
 * {@code operationId} is prefixed with it (the services' ids, e.g. {@code list}, collide). A component name two
 * services use for different content is renamed ({@code consume-service.Offsets}), references included.
 */
public final class OpenApiMerge {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final String REF_PREFIX = "#/components/";

    /** The merged document, and the operations left out because the gateway does not route them to their service. */
    public record Result(Map<String, Object> document, List<String> dropped) {
    }

    private final RouteTable routes;

    public OpenApiMerge(RouteTable routes) {
        this.routes = routes;
    }

    public Result merge(Map<String, Object> info, String serverUrl, Map<BackendService, Map<String, Object>> docs) {
        Map<String, Object> paths = new TreeMap<>();
        Map<String, Map<String, Object>> components = new TreeMap<>();
        List<Object> tags = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        docs.forEach((service, doc) -> {
            Map<String, Object> renamed = renameCollisions(service, doc, components);
            mergeComponents(map(renamed.get("components")), components);
            tags.add(tag(service, map(doc.get("info"))));
            map(renamed.get("paths")).forEach((path, item) -> map(item).forEach((key, value) -> {
                if (!METHODS.contains(key)) {
                    itemOf(paths, path).putIfAbsent(key, value); // path-level parameters, summary, ...
                } else if (!routedTo(service, key, path)) {
                    dropped.add(key.toUpperCase(java.util.Locale.ROOT) + " " + path + " (" + service.id() + ")");
                } else {
                    itemOf(paths, path).put(key, operation(service, map(value)));
                }
            }));
        });
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("openapi", docs.values().stream().map(d -> d.get("openapi")).filter(Objects::nonNull)
                .findFirst().orElse("3.0.1"));
        merged.put("info", info);
        merged.put("servers", List.of(Map.of("url", serverUrl)));
        merged.put("tags", tags);
        merged.put("paths", paths);
        merged.put("components", components);
        return new Result(merged, dropped);
    }

    /** Whether the gateway sends {@code method path} (a template: {@code {x}} stands for any segment) there. */
    boolean routedTo(BackendService service, String method, String pathTemplate) {
        String sample = pathTemplate.replaceAll("\\{[^}/]+}", "x");
        return routes.match(method.toUpperCase(java.util.Locale.ROOT), sample)
                .map(match -> match.service() == service).orElse(false);
    }

    private static Map<String, Object> operation(BackendService service, Map<String, Object> original) {
        Map<String, Object> operation = new LinkedHashMap<>(original);
        if (!(operation.get("tags") instanceof List<?> tags) || tags.isEmpty()) {
            operation.put("tags", List.of(service.id()));
        }
        if (operation.get("operationId") instanceof String id) {
            operation.put("operationId", service.id().replace("-service", "") + "_" + id);
        }
        return operation;
    }

    private static Map<String, Object> tag(BackendService service, Map<String, Object> info) {
        Map<String, Object> tag = new LinkedHashMap<>();
        tag.put("name", service.id());
        if (info.get("description") instanceof String description) {
            tag.put("description", description);
        }
        return tag;
    }

    private static void mergeComponents(Map<String, Object> from, Map<String, Map<String, Object>> into) {
        from.forEach((section, entries) -> {
            Map<String, Object> target = into.computeIfAbsent(section, s -> new TreeMap<>());
            map(entries).forEach(target::putIfAbsent);
        });
    }

    /**
     * The document with each component whose name is already taken by different content renamed to
     * {@code <service>.<name>}, and every {@code $ref} to it rewritten.
     */
    private static Map<String, Object> renameCollisions(BackendService service, Map<String, Object> doc,
                                                        Map<String, Map<String, Object>> taken) {
        Map<String, String> renames = new LinkedHashMap<>();
        Map<String, Object> components = map(doc.get("components"));
        components.forEach((section, entries) -> map(entries).forEach((name, value) -> {
            Object existing = taken.getOrDefault(section, Map.of()).get(name);
            if (existing != null && !existing.equals(value)) {
                renames.put(REF_PREFIX + section + "/" + name, REF_PREFIX + section + "/" + service.id() + "." + name);
            }
        }));
        if (renames.isEmpty()) {
            return doc;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> rewritten = (Map<String, Object>) rewriteRefs(doc, renames);
        Map<String, Object> renamedComponents = new LinkedHashMap<>();
        map(rewritten.get("components")).forEach((section, entries) -> {
            Map<String, Object> renamed = new LinkedHashMap<>();
            map(entries).forEach((name, value) -> {
                String to = renames.get(REF_PREFIX + section + "/" + name);
                renamed.put(to == null ? name : to.substring((REF_PREFIX + section + "/").length()), value);
            });
            renamedComponents.put(section, renamed);
        });
        rewritten.put("components", renamedComponents);
        return rewritten;
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), "$ref".equals(key) && value instanceof String ref
                    ? renames.getOrDefault(ref, ref) : rewriteRefs(value, renames)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(value -> rewriteRefs(value, renames)).toList();
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> itemOf(Map<String, Object> paths, String path) {
        return (Map<String, Object>) paths.computeIfAbsent(path, p -> new LinkedHashMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
