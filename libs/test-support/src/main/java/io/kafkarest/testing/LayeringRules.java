package io.kafkarest.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;

/**
 * The layering of every service (README, "Layers"), as ArchUnit rules: {@code api} (the only code that knows
 * HTTP) -> {@code core} (interfaces, domain records, domain exceptions) -> {@code kafka} (the only code that knows
 * Kafka clients), and services that share code only through {@code libs/}. Each service's {@code LayeringTest}
 * applies them to its own base package, e.g. {@code LayeringRules.coreDoesNotSpeakHttp("io.kafkarest.admin")}.
 */
public final class LayeringRules {

    /** The base package of every service. */
    public static final List<String> SERVICES = List.of(
            "io.kafkarest.admin", "io.kafkarest.produce", "io.kafkarest.consume", "io.kafkarest.connect",
            "io.kafkarest.gateway");

    /**
     * The types of libs/rest-common that are not about HTTP. Everything else there is the HTTP error pipeline
     * ({@code ErrorCode} carries an HTTP status, {@code RestException} an {@code ErrorCode}, {@code ErrorResponse}
     * is the wire body, {@code ErrorMapper} produces {@code RestException}s, the handlers) or reads HTTP requests
     * ({@code KafkaMediaType}, {@code ExternalUrl}), and belongs in {@code api}.
     */
    public static final Set<String> REST_COMMON_DOMAIN_TYPES = Set.of("io.kafkarest.rest.EmbeddedFormat");

    private static final DescribedPredicate<JavaClass> MICRONAUT_HTTP =
            resideInAPackage("io.micronaut.http..").as("are Micronaut HTTP (io.micronaut.http..)");

    private static final DescribedPredicate<JavaClass> REST_COMMON_HTTP =
            resideInAPackage("io.kafkarest.rest..")
                    .and(not(DescribedPredicate.describe("a domain type", c -> REST_COMMON_DOMAIN_TYPES.contains(c.getName()))))
                    .as("are rest-common's HTTP types (io.kafkarest.rest.* except EmbeddedFormat: ErrorCode, "
                            + "RestException, ErrorResponse, ErrorMapper, KafkaMediaType, ExternalUrl...)");

    private static final DescribedPredicate<JavaClass> CONNECT_REST =
            resideInAnyPackage("org.apache.kafka.connect.runtime.rest..", "jakarta.ws.rs..")
                    .as("are Kafka Connect's REST layer or JAX-RS (org.apache.kafka.connect.runtime.rest.., jakarta.ws.rs..)");

    private LayeringRules() {
    }

    /** {@code <base>.core} uses no HTTP: not Micronaut's, not rest-common's error codes, not Connect's/JAX-RS. */
    public static ArchRule coreDoesNotSpeakHttp(String basePackage) {
        return noClasses().that().resideInAPackage(service(basePackage) + ".core..")
                .should().dependOnClassesThat(MICRONAUT_HTTP.or(REST_COMMON_HTTP).or(CONNECT_REST))
                .because("core holds interfaces, domain records and domain exceptions; api maps them to HTTP "
                        + "and error codes (as consume-service's ConsumerException -> ConsumerErrorMapper)");
    }

    /**
     * connect-service's exception to {@link #coreDoesNotSpeakHttp}: its core reuses Kafka Connect's own request
     * handling ({@code HerderRequestHandler}, {@code InternalRequestSignature}, the REST entities and
     * {@code ConnectRestException}), which is built on JAX-RS, so {@code org.apache.kafka.connect.runtime.rest..}
     * and {@code jakarta.ws.rs..} are allowed there. Micronaut HTTP and rest-common's error pipeline are not.
     */
    public static ArchRule coreDoesNotSpeakHttpBesidesConnectRest(String basePackage) {
        return noClasses().that().resideInAPackage(service(basePackage) + ".core..")
                .should().dependOnClassesThat(MICRONAUT_HTTP.or(REST_COMMON_HTTP))
                .because("core is built on Kafka Connect's REST runtime by design, but Micronaut HTTP and our "
                        + "error codes stay in api (see io.kafkarest.connect.core's package-info)");
    }

    /** {@code <base>.api} reaches Kafka only through core: it never uses {@code <base>.kafka}. */
    public static ArchRule apiDoesNotUseKafkaLayer(String basePackage) {
        String base = service(basePackage);
        return noClasses().that().resideInAPackage(base + ".api..")
                .should().dependOnClassesThat().resideInAPackage(base + ".kafka..")
                .because("api talks to core's interfaces; only the kafka package knows Kafka clients");
    }

    /** No class of the service uses another service's classes; shared code lives in libs/. */
    public static ArchRule doesNotUseOtherServices(String basePackage) {
        String base = service(basePackage);
        String[] others = SERVICES.stream().filter(s -> !s.equals(base)).map(s -> s + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(base + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services are deployed apart and share code only through libs/");
    }

    private static String service(String basePackage) {
        if (!SERVICES.contains(basePackage)) {
            throw new IllegalArgumentException("Not a service's base package: " + basePackage + " (one of " + SERVICES + ")");
        }
        return basePackage;
    }
}
