package io.kafkarest.gateway.api;

import io.kafkarest.gateway.security.PasswordCheck;
import io.kafkarest.gateway.security.Users;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * HTTP Basic authentication on the API port when {@code gateway.auth.users-file} ({@code GATEWAY_AUTH_USERS_FILE})
 * names a users file; otherwise it lets everything through. Runs before {@link GatewayFilter} and after
 * {@link CrossOriginFilter} (which answers CORS preflights, without credentials, when CORS is on); the management port is never challenged.
 * Missing or wrong credentials answer 401 40101 with {@code WWW-Authenticate: Basic realm="kafka-rest"}. The
 * pass-through lane asks {@link #admitsAtOnce} and takes only what it admits; everything else comes here.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class BasicAuthFilter implements HttpServerFilter {
    /** Before {@link GatewayFilter} (order 0), after {@link CrossOriginFilter}. */
    static final int ORDER = -100;
    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthFilter.class);

    private final ApiPort apiPort;
    private final String realm;
    private final PasswordCheck passwords; // null: authentication is off
    private final Scheduler blocking;

    public BasicAuthFilter(ApiPort apiPort,
                           @Property(name = "gateway.auth.users-file") @Nullable String usersFile,
                           @Property(name = "gateway.auth.realm", defaultValue = "kafka-rest") String realm,
                           @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.apiPort = apiPort;
        this.realm = realm;
        if (usersFile == null || usersFile.isBlank()) {
            this.passwords = null;
        } else {
            Users users = Users.load(Path.of(usersFile.strip()));
            LOG.info("Basic authentication on: {} users from {}", users.size(), usersFile);
            this.passwords = new PasswordCheck(users);
        }
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (passwords == null || apiPort.isManagementRequest(request)) {
            return chain.proceed(request);
        }
        String[] credentials = credentials(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (credentials == null) {
            return Mono.just(GatewayErrors.unauthorized(realm, "Authentication required"));
        }
        String user = credentials[0];
        String password = credentials[1];
        if (passwords.remembered(user, password)) {
            return chain.proceed(request);
        }
        return Mono.fromCallable(() -> passwords.verify(user, password))
                .subscribeOn(blocking) // bcrypt takes tens of milliseconds: never on the event loop
                .flatMap(ok -> ok ? Mono.from(chain.proceed(request))
                        : Mono.just(GatewayErrors.unauthorized(realm, "Invalid user name or password")));
    }

    /**
     * Whether a request with this {@code Authorization} header passes at once: authentication is off, or the header
     * carries credentials accepted before (a digest compared, no bcrypt). The pass-through lane takes only such
     * requests on the API port and leaves the rest to this filter, which checks them off the event loop, challenges
     * what fails and remembers what passes.
     */
    boolean admitsAtOnce(@Nullable String authorization) {
        if (passwords == null) {
            return true;
        }
        String[] credentials = credentials(authorization);
        return credentials != null && passwords.remembered(credentials[0], credentials[1]);
    }

    /** {user, password} from {@code Authorization: Basic base64(user:password)}, or null. */
    static String[] credentials(@Nullable String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
