package io.kafkarest.gateway.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.ssl.ClientAuthentication;
import io.micronaut.http.ssl.ServerSslConfiguration;
import io.micronaut.http.ssl.SslConfiguration;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The parts of Micronaut's server TLS settings ({@code micronaut.server.ssl.*}) that env vars cannot express
 * directly: {@code gateway.ssl.client-auth} {@code none|want|need} (Micronaut knows only WANT and NEED), and key and
 * trust store paths given as plain file paths (Micronaut reads a path without {@code file:} from the classpath).
 */
@Singleton
public class TlsSettings implements BeanCreatedEventListener<ServerSslConfiguration> {
    private final String clientAuth;

    public TlsSettings(@Property(name = "gateway.ssl.client-auth", defaultValue = "none") String clientAuth) {
        this.clientAuth = clientAuth.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public ServerSslConfiguration onCreated(BeanCreatedEvent<ServerSslConfiguration> event) {
        ServerSslConfiguration ssl = event.getBean();
        switch (clientAuth) {
            case "", "none" -> { } // as configured (Micronaut: none unless micronaut.server.ssl.client-authentication)
            case "want" -> ssl.setClientAuthentication(ClientAuthentication.WANT);
            case "need", "required" -> ssl.setClientAuthentication(ClientAuthentication.NEED);
            default -> throw new IllegalArgumentException(
                    "gateway.ssl.client-auth (GATEWAY_SSL_CLIENT_AUTH) must be none, want or need, not " + clientAuth);
        }
        SslConfiguration.KeyStoreConfiguration keyStore = ssl.getKeyStore();
        asFile(() -> keyStore.getPath().orElse(null), keyStore::setPath);
        SslConfiguration.TrustStoreConfiguration trustStore = ssl.getTrustStore();
        asFile(() -> trustStore.getPath().orElse(null), trustStore::setPath);
        return ssl;
    }

    /** A path without a resource prefix is a file; a blank one is none (no trust store: the JDK's defaults). */
    private static void asFile(Supplier<String> path, Consumer<String> set) {
        String value = path.get();
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            set.accept(null);
        } else if (!value.startsWith("file:") && !value.startsWith("classpath:")) {
            set.accept("file:" + value);
        }
    }
}
