package io.kafkarest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.RestException;
import io.kafkarest.rest.UnexpectedExceptionHandler;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.BrokerNotAvailableException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicaAssignmentException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.LeaderNotAvailableException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.ThrottlingQuotaExceededException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KafkaErrorMapperTest {
    private final KafkaErrorMapper mapper = new KafkaErrorMapper();

    static Stream<Arguments> mappings() {
        return Stream.of(
                Arguments.of(new UnknownTopicOrPartitionException("This server does not host this topic-partition."),
                        ErrorCode.TOPIC_NOT_FOUND),
                Arguments.of(new TopicExistsException("Topic 't' already exists."), ErrorCode.KAFKA_BAD_REQUEST),
                Arguments.of(new InvalidTopicException("Topic name is illegal"), ErrorCode.KAFKA_BAD_REQUEST),
                Arguments.of(new InvalidPartitionsException("bad partitions"), ErrorCode.KAFKA_BAD_REQUEST),
                Arguments.of(new InvalidReplicationFactorException("bad rf"), ErrorCode.KAFKA_BAD_REQUEST),
                Arguments.of(new InvalidConfigurationException("bad config"), ErrorCode.KAFKA_BAD_REQUEST),
                Arguments.of(new PolicyViolationException("policy"), ErrorCode.KAFKA_BAD_REQUEST),
                Arguments.of(new InvalidRequestException("bad request"), ErrorCode.KAFKA_BAD_REQUEST),
                Arguments.of(new SecurityDisabledException("No Authorizer is configured."), ErrorCode.KAFKA_BAD_REQUEST),
                Arguments.of(new UnsupportedVersionException("old broker"), ErrorCode.KAFKA_BAD_REQUEST),
                Arguments.of(new InvalidReplicaAssignmentException("bad assignment"), ErrorCode.KAFKA_BAD_REQUEST),
                Arguments.of(new RecordTooLargeException("too large"), ErrorCode.REQUEST_TOO_LARGE),
                Arguments.of(new ThrottlingQuotaExceededException("slow down"), ErrorCode.KAFKA_THROTTLED),
                Arguments.of(new BrokerNotAvailableException("gone"), ErrorCode.KAFKA_BROKER_NOT_AVAILABLE),
                Arguments.of(new SaslAuthenticationException("bad password"), ErrorCode.KAFKA_AUTHENTICATION_ERROR),
                Arguments.of(new AuthorizationException("denied"), ErrorCode.KAFKA_AUTHORIZATION_ERROR),
                Arguments.of(new TopicAuthorizationException("topic denied"), ErrorCode.KAFKA_AUTHORIZATION_ERROR),
                Arguments.of(new GroupAuthorizationException("group denied"), ErrorCode.KAFKA_AUTHORIZATION_ERROR),
                Arguments.of(new ClusterAuthorizationException("cluster denied"), ErrorCode.KAFKA_AUTHORIZATION_ERROR),
                Arguments.of(new TimeoutException("Timed out waiting for a node assignment."),
                        ErrorCode.KAFKA_RETRIABLE_ERROR),
                Arguments.of(new NotEnoughReplicasException("not enough"), ErrorCode.KAFKA_RETRIABLE_ERROR),
                Arguments.of(new NetworkException("disconnected"), ErrorCode.KAFKA_RETRIABLE_ERROR),
                Arguments.of(new LeaderNotAvailableException("no leader"), ErrorCode.KAFKA_RETRIABLE_ERROR),
                Arguments.of(new KafkaException("something broke"), ErrorCode.KAFKA_ERROR),
                Arguments.of(new KafkaException("Failed to find brokers to send ListGroups",
                        new TimeoutException("Timed out waiting for a node assignment.")), ErrorCode.KAFKA_RETRIABLE_ERROR),
                Arguments.of(new KafkaException("wrapped bug", new IllegalStateException(new TimeoutException("x"))),
                        ErrorCode.KAFKA_ERROR),
                Arguments.of(new SerializationException("cannot serialize"), ErrorCode.KAFKA_ERROR),
                Arguments.of(new UnknownServerException("server fault"), ErrorCode.KAFKA_ERROR));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("mappings")
    void mapsKafkaExceptions(KafkaException failure, ErrorCode expected) {
        RestException mapped = mapper.map(failure);
        assertNotNull(mapped);
        assertSame(expected, mapped.errorCode());
        assertSame(failure, mapped.getCause());
        assertTrue(mapped.getMessage().contains(failure.getMessage()), mapped.getMessage());
    }

    @Test
    void documentedCodes() {
        assertEquals(40401, mapper.map(new UnknownTopicOrPartitionException("x")).errorCode().code());
        assertEquals(40002, mapper.map(new TopicExistsException("x")).errorCode().code());
        assertEquals(40002, mapper.map(new InvalidTopicException("x")).errorCode().code());
        assertEquals(40002, mapper.map(new InvalidPartitionsException("x")).errorCode().code());
        assertEquals(40002, mapper.map(new SecurityDisabledException("x")).errorCode().code());
        assertEquals(50003, mapper.map(new TimeoutException("x")).errorCode().code());
        assertEquals(50003, mapper.map(new NetworkException("x")).errorCode().code());
        assertEquals(40301, mapper.map(new AuthorizationException("x")).errorCode().code());
        assertEquals(403, mapper.map(new AuthorizationException("x")).errorCode().status().getCode());
        assertEquals(40101, mapper.map(new SaslAuthenticationException("x")).errorCode().code());
        assertEquals(401, mapper.map(new SaslAuthenticationException("x")).errorCode().status().getCode());
        assertEquals(50002, mapper.map(new KafkaException("x")).errorCode().code());
        assertEquals(500, mapper.map(new KafkaException("x")).errorCode().status().getCode());
    }

    @Test
    void messageWithoutDetailNamesTheException() {
        RestException mapped = mapper.map(new KafkaException((String) null));
        assertEquals("Kafka error: KafkaException", mapped.getMessage());
    }

    @Test
    void otherFailuresAreNotMapped() {
        assertNull(mapper.map(new IllegalStateException("x")));
        assertNull(mapper.map(new java.util.concurrent.TimeoutException("x")));
        assertNull(mapper.map(new RuntimeException(new TopicExistsException("wrapped but not unwrapped here"))));
        assertNull(mapper.map(null));
    }

    @Test
    void theErrorPipelineUnwrapsFuturesBeforeMapping() {
        UnexpectedExceptionHandler handler = new UnexpectedExceptionHandler(List.of(mapper));
        assertSame(ErrorCode.TOPIC_NOT_FOUND, handler.toRestException(
                new ExecutionException(new UnknownTopicOrPartitionException("gone"))).errorCode());
        assertSame(ErrorCode.KAFKA_RETRIABLE_ERROR, handler.toRestException(
                new CompletionException(new TimeoutException("slow"))).errorCode());
        assertSame(ErrorCode.INTERNAL_ERROR, handler.toRestException(new IllegalStateException("bug")).errorCode());
    }
}
