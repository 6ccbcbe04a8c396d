/**
 * connect-service's core: one manager per Connect concern (connectors, tasks, plugins, the worker) over Kafka
 * Connect's own {@code Herder}, reached through {@link io.kafkarest.connect.core.ConnectRuntime}.
 *
 * <p>Unlike the other services' core, this one is built on Kafka Connect's runtime types by design: it reuses
 * Connect's request handling ({@code HerderRequestHandler}: waiting on the herder, forwarding to the leader with
 * Connect's {@code RestClient}; {@code InternalRequestSignature} for the signed worker-to-worker requests), Connect's
 * REST entities as domain records (so answers match a stock worker byte for byte) and Connect's exceptions
 * ({@code ConnectRestException}, {@code BadRequestException}, {@code NotFoundException}) as domain exceptions. That
 * handling is written against JAX-RS, so core also holds JAX-RS headers ({@code JaxRsHeaders},
 * built from the api's {@link io.kafkarest.connect.core.RequestContext}).
 *
 * <p>So {@code org.apache.kafka.connect.runtime.rest..} and {@code jakarta.ws.rs..} are allowed here; Micronaut HTTP
 * ({@code io.micronaut.http..}) and rest-common's error pipeline ({@code ErrorCode}, {@code RestException}, ...) are
 * not: the api maps Connect's exceptions and {@link io.kafkarest.connect.core.WorkerUnavailableException} to error
 * codes ({@code ConnectErrorMapper}). {@code LayeringTest} checks this with
 * {@code LayeringRules.coreDoesNotSpeakHttpBesidesConnectRest}.
 */
package io.kafkarest.connect.core;
