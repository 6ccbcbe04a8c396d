package io.kafkarest.gateway.api;

import io.kafkarest.gateway.backend.BackendDirectory;
import io.kafkarest.gateway.backend.BackendFailure;
import io.kafkarest.gateway.backend.ConsumerOwners;
import io.kafkarest.gateway.core.BackendService;
import io.kafkarest.gateway.core.ConsumerInstanceKey;
import io.kafkarest.gateway.core.Endpoint;
import io.kafkarest.rest.ErrorCode;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@code POST /consumers/{group}}: sent to any consume node; on success the node that created the instance becomes
 * its owner (pinned), and {@code base_uri} in the answer is rewritten to the gateway's external URL so that clients
 * never talk to a node directly. This is the one exchange the gateway buffers (request and answer are tiny).
 * <p>
 * The owner is the node that {@code base_uri} names (a consume node advertises itself there, see
 * {@code CONSUMER_ADVERTISED_URL}); only an answer without a usable {@code base_uri} pins the node the create was
 * sent to.
 * <p>
 * A create that names its instance ({@code name}, or v1's {@code id}) is first checked against every consume node:
 * a live instance of that name in the group, on any node, answers 409 40902 as one proxy would (each node only knows
 * its own instances). Creates of one name in one group through this gateway are taken one at a time, so the second
 * of two sent at the same moment sees the first's instance and answers 409; through two gateways at the same moment
 * both could still pass.
 */
@Singleton
class ConsumerCreation {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerCreation.class);
    /** The answer is read here, so ask for it uncompressed; framing headers are recomputed. */
    private static final Set<String> NOT_COPIED = caseInsensitive("Host", "Content-Length", "Transfer-Encoding",
            "Accept-Encoding");
    private static final Set<String> NOT_RETURNED = caseInsensitive("Content-Length", "Transfer-Encoding",
            "Content-Encoding", "Connection", "Keep-Alive");

    private final BackendDirectory backends;
    private final ConsumerOwners owners;
    private final HttpClient httpClient;
    private final JsonMapper json;
    private final CrossOriginFilter crossOrigin;
    /** The last create of each named instance in progress: the next one of that name waits for it. */
    private final Map<ConsumerInstanceKey, CompletableFuture<Void>> creating = new ConcurrentHashMap<>();

    ConsumerCreation(BackendDirectory backends, ConsumerOwners owners, HttpClient httpClient,
                     JsonMapper json, CrossOriginFilter crossOrigin) {
        this.backends = backends;
        this.owners = owners;
        this.httpClient = httpClient;
        this.json = json;
        this.crossOrigin = crossOrigin;
    }

    Mono<MutableHttpResponse<?>> create(HttpRequest<?> request, String pathAndQuery, ExternalBase external,
                                        String group) {
        return Mono.fromFuture(bodyOf(request)).flatMap(body -> {
            Optional<String> name = instanceName(body);
            if (name.isEmpty()) {
                return createOnANode(request, pathAndQuery, external, group, body);
            }
            ConsumerInstanceKey key = new ConsumerInstanceKey(group, name.get());
            return oneAtATime(key, () -> Mono.fromFuture(owners.findLive(key)).flatMap(owner -> owner.isPresent()
                    ? answer(GatewayErrors.of(ErrorCode.CONSUMER_ALREADY_EXISTS, "Consumer instance with the "
                            + "specified name already exists: instance '" + key.instance() + "' of group '" + group
                            + "'"))
                    : createOnANode(request, pathAndQuery, external, group, body)));
        });
    }

    /** Runs a named create once the create of the same name before it (if any) has ended, however it ended. */
    private Mono<MutableHttpResponse<?>> oneAtATime(ConsumerInstanceKey key,
                                                    Supplier<Mono<MutableHttpResponse<?>>> create) {
        return Mono.defer(() -> {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> before = creating.put(key, mine);
            // suppressCancel: a client that leaves while waiting must not cancel the create before it
            Mono<Void> turn = before == null ? Mono.empty() : Mono.fromFuture(before, true);
            return turn.then(Mono.defer(create)).doFinally(signal -> {
                creating.remove(key, mine);
                mine.complete(null);
            });
        });
    }

    /** The instance name of a create body ({@code id} wins over {@code name}, as in consume-service), if any. */
    private Optional<String> instanceName(byte[] body) {
        try {
            JsonNode create = body.length == 0 ? null : json.readValue(body, Argument.of(JsonNode.class));
            if (create == null || !create.isObject()) {
                return Optional.empty();
            }
            for (String field : List.of("id", "name")) {
                JsonNode value = create.get(field);
                if (value != null && value.isString() && !value.getStringValue().isBlank()) {
                    return Optional.of(value.getStringValue());
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the node answers what is wrong with the body
        }
    }

    private Mono<MutableHttpResponse<?>> createOnANode(HttpRequest<?> request, String pathAndQuery,
                                                       ExternalBase external, String group, byte[] body) {
        return Mono.fromFuture(backends.next(BackendService.CONSUME))
                .flatMap(node -> exchange(request, pathAndQuery, external, node, body)
                        .<MutableHttpResponse<?>>map(response -> relay(response, node, group, external))
                        .onErrorResume(e -> {
                            if (BackendFailure.of(e).unreachable()) {
                                backends.reportUnreachable(node);
                            }
                            return answer(GatewayErrors.backendFailed(BackendService.CONSUME, node, e));
                        }))
                .onErrorResume(e -> answer(GatewayErrors.backendFailed(BackendService.CONSUME, e)));
    }

    private Mono<HttpResponse<?>> exchange(HttpRequest<?> request, String pathAndQuery, ExternalBase external,
                                           Endpoint node, byte[] body) {
        MutableHttpRequest<Object> out = HttpRequest.create(request.getMethod(), node.baseUri() + pathAndQuery);
        request.getHeaders().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name)) {
                values.forEach(v -> out.getHeaders().add(name, v));
            }
        });
        ForwardedHeaders.apply(request, out.getHeaders(), external);
        crossOrigin.forwarding(out.getHeaders()::remove);
        if (body.length > 0) {
            out.body(body);
        }
        return Mono.<HttpResponse<?>>from(httpClient.exchange(out, Argument.of(byte[].class)))
                .onErrorResume(HttpClientResponseException.class, e -> Mono.just(e.getResponse()));
    }

    private MutableHttpResponse<?> relay(HttpResponse<?> response, Endpoint node, String group,
                                         ExternalBase external) {
        byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
        if (response.code() >= 200 && response.code() < 300) {
            body = learnOwner(body, node, group, external);
        }
        MutableHttpResponse<byte[]> out = HttpResponse.status(response.code(), response.reason());
        response.getHeaders().forEach((name, values) -> {
            if (!NOT_RETURNED.contains(name)) {
                values.forEach(v -> out.getHeaders().add(name, v));
            }
        });
        return body.length > 0 ? out.body(body) : out;
    }

    /** Pins the new instance to {@code node}; returns the body with {@code base_uri} pointing at the gateway. */
    private byte[] learnOwner(byte[] body, Endpoint node, String group, ExternalBase external) {
        try {
            JsonNode created = json.readValue(body, Argument.of(JsonNode.class));
            JsonNode instanceId = created == null || !created.isObject() ? null : created.get("instance_id");
            if (instanceId == null || !instanceId.isString()) {
                LOG.warn("Consumer create answer of {} has no instance_id; not pinned", node);
                return body;
            }
            ConsumerInstanceKey key = new ConsumerInstanceKey(group, instanceId.getStringValue());
            JsonNode baseUri = created.get("base_uri");
            owners.created(key, ownerNamedBy(baseUri, key).orElse(node));
            if (baseUri == null) {
                return body;
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            created.entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
            fields.put("base_uri", JsonNode.createStringNode(external.url() + key.path()));
            return json.writeValueAsBytes(JsonNode.createObjectNode(fields));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read the consumer create answer of {}: {}", node, e.toString());
            return body;
        }
    }

    /** The node in {@code http://node:8083/prefix/consumers/g/instances/i}, if the answer names one. */
    static Optional<Endpoint> ownerNamedBy(JsonNode baseUri, ConsumerInstanceKey key) {
        if (baseUri == null || !baseUri.isString()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(baseUri.getStringValue());
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (uri.getHost() == null || uri.getScheme() == null || !path.endsWith(key.path())) {
                return Optional.empty();
            }
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String prefix = path.substring(0, path.length() - key.path().length());
            String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            return Optional.of(new Endpoint(uri.getScheme(), host, host, port, prefix));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static CompletableFuture<byte[]> bodyOf(HttpRequest<?> request) {
        if (request instanceof ServerHttpRequest<?> server) {
            return server.byteBody().buffer().thenApply(buffered -> {
                try (buffered) {
                    return buffered.toByteArray();
                }
            });
        }
        return CompletableFuture.completedFuture(request.getBody(byte[].class).orElse(new byte[0]));
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return set;
    }

    private static Mono<MutableHttpResponse<?>> answer(MutableHttpResponse<?> response) {
        return Mono.just(response);
    }
}
