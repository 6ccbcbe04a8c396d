package io.kafkarest.kafka;

import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.ErrorMapper;
import io.kafkarest.rest.RestException;
import jakarta.inject.Singleton;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Maps Kafka client exceptions to REST errors: client mistakes are 4xx, Kafka faults 50002 / 50003. */
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
        if (e instanceof TopicExistsException) {
            return new RestException(ErrorCode.TOPIC_ALREADY_EXISTS, detail, e);
        }
        // before the 400s: in Kafka 4 both extend InvalidConfigurationException
        if (e instanceof AuthenticationException) {
            return new RestException(ErrorCode.UNAUTHORIZED, "Kafka authentication failed: " + detail, e);
        }
        if (e instanceof AuthorizationException) {
            return new RestException(ErrorCode.FORBIDDEN, "Not authorized by Kafka: " + detail, e);
        }
        if (e instanceof InvalidTopicException || e instanceof InvalidPartitionsException
                || e instanceof InvalidReplicationFactorException || e instanceof InvalidConfigurationException
                || e instanceof PolicyViolationException || e instanceof InvalidRequestException) {
            return new RestException(ErrorCode.BAD_REQUEST, detail, e);
        }
        if (e instanceof RecordTooLargeException) {
            return new RestException(ErrorCode.REQUEST_TOO_LARGE, detail, e);
        }
        if (e instanceof TimeoutException || e instanceof RetriableException) {
            return new RestException(ErrorCode.KAFKA_RETRIABLE_ERROR, "Retriable Kafka error: " + detail, e);
        }
        return new RestException(ErrorCode.KAFKA_ERROR, "Kafka error: " + detail, e);
    }
}
