package io.kafkarest.consume.api;

import io.kafkarest.consume.core.ConsumerConfig;
import io.kafkarest.consume.core.ConsumerInstanceId;
import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The URL naming this node in a consumer's {@code base_uri} (the gateway learns an instance's owner from it):
 * {@code consumer.advertised-url}, or {@code http://<this host's IP address>:<server port>}.
 */
@Singleton
class NodeUrl {
    private static final Logger LOG = LoggerFactory.getLogger(NodeUrl.class);

    private final String configured;
    private final BeanProvider<EmbeddedServer> server;
    private volatile String url;

    NodeUrl(ConsumerConfig config, BeanProvider<EmbeddedServer> server) {
        this.configured = config.advertisedUrl();
        this.server = server;
    }

    /** e.g. {@code http://10.0.0.5:8083}, without a trailing slash. */
    String url() {
        String result = url;
        if (result == null) {
            result = configured != null && !configured.isBlank() ? configured.trim() : derived();
            while (result.endsWith("/")) {
                result = result.substring(0, result.length() - 1);
            }
            url = result;
            LOG.info("Consumer instances are advertised at {}", result);
        }
        return result;
    }

    String instanceUri(ConsumerInstanceId id) {
        return url() + "/consumers/" + segment(id.group()) + "/instances/" + segment(id.instance());
    }

    private String derived() {
        EmbeddedServer embedded = server.get();
        String host;
        try {
            host = InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            LOG.warn("Cannot resolve this host's address; advertising 127.0.0.1 (set CONSUMER_ADVERTISED_URL)", e);
            host = "127.0.0.1";
        }
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return embedded.getScheme() + "://" + host + ":" + embedded.getPort();
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
