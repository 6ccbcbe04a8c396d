package io.kafkarest.kafka;

import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.ErrorMapper;
import io.kafkarest.rest.RestException;
import jakarta.inject.Singleton;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.BrokerNotAvailableException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicaAssignmentException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.errors.ThrottlingQuotaExceededException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicDeletionDisabledException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Maps Kafka client exceptions to REST errors as Confluent REST Proxy does: requests Kafka refuses as invalid are
 * 40002, authentication and authorization failures 40101 / 40301, Kafka faults 50002 and retriable ones 50003.
 */
@Singleton
public class KafkaErrorMapper implements ErrorMapper {

    @Override
    public RestException map(Throwable failure) {
        if (!(failure instanceof KafkaException e)) {
            return null;
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof UnknownTopicOrPartitionException) {
            return new RestException(ErrorCode.TOPIC_NOT_FOUND, "Topic not found. " + detail, e);
        }
        // before the 400s: in Kafka 4 both extend InvalidConfigurationException
        if (e instanceof AuthenticationException) {
            return new RestException(ErrorCode.KAFKA_AUTHENTICATION_ERROR, "Kafka authentication failed: " + detail, e);
        }
        if (e instanceof AuthorizationException) {
            return new RestException(ErrorCode.KAFKA_AUTHORIZATION_ERROR, "Not authorized by Kafka: " + detail, e);
        }
        if (isBadRequest(e)) {
            return new RestException(ErrorCode.KAFKA_BAD_REQUEST, detail, e);
        }
        if (e instanceof RecordTooLargeException) {
            return new RestException(ErrorCode.REQUEST_TOO_LARGE, detail, e);
        }
        if (e instanceof ThrottlingQuotaExceededException) {
            return new RestException(ErrorCode.KAFKA_THROTTLED, "Throttled by Kafka: " + detail, e);
        }
        if (e instanceof BrokerNotAvailableException) {
            return new RestException(ErrorCode.KAFKA_BROKER_NOT_AVAILABLE, "Kafka broker not available: " + detail, e);
        }
        if (isRetriable(e)) {
            return new RestException(ErrorCode.KAFKA_RETRIABLE_ERROR, "Retriable Kafka error: " + detail, e);
        }
        return new RestException(ErrorCode.KAFKA_ERROR, "Kafka error: " + detail, e);
    }

    /** Retriable, or a plain Kafka failure whose cause is (e.g. "Failed to find brokers" caused by a timeout). */
    private static boolean isRetriable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof RetriableException) {
                return true;
            }
            if (t != e && !(t instanceof KafkaException)) {
                return false;
            }
        }
        return false;
    }

    /** What Kafka rejects as a bad request; {@code SecurityDisabledException}: ACLs on a broker without authorizer. */
    private static boolean isBadRequest(KafkaException e) {
        return e instanceof TopicExistsException || e instanceof InvalidTopicException
                || e instanceof InvalidPartitionsException || e instanceof InvalidReplicationFactorException
                || e instanceof InvalidReplicaAssignmentException || e instanceof InvalidConfigurationException
                || e instanceof PolicyViolationException || e instanceof InvalidRequestException
                || e instanceof SecurityDisabledException || e instanceof UnsupportedVersionException
                || e instanceof TopicDeletionDisabledException;
    }
}
