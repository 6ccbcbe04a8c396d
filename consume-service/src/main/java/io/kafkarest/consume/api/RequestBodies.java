package io.kafkarest.consume.api;

import io.kafkarest.consume.core.PartitionOffset;
import io.kafkarest.consume.core.PartitionRef;
import io.kafkarest.consume.core.Subscription;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.RestException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks request bodies and turns them into domain values; bad input is a 422 naming the field. */
final class RequestBodies {
    private RequestBodies() {
    }

    static Subscription subscription(SubscriptionRequest body) {
        boolean hasTopics = body != null && body.topics() != null && !body.topics().isEmpty();
        boolean hasPattern = body != null && body.topicPattern() != null && !body.topicPattern().isBlank();
        if (hasTopics == hasPattern) {
            throw invalid("Exactly one of 'topics' (a non-empty list) or 'topic_pattern' must be given");
        }
        if (hasTopics) {
            for (int i = 0; i < body.topics().size(); i++) {
                String topic = body.topics().get(i);
                if (topic == null || topic.isBlank()) {
                    throw invalid("topics[" + i + "] must be a topic name");
                }
            }
            return Subscription.ofTopics(body.topics().stream().distinct().toList());
        }
        try {
            return Subscription.ofPattern(Pattern.compile(body.topicPattern()));
        } catch (PatternSyntaxException e) {
            throw invalid("topic_pattern is not a valid regular expression: " + e.getDescription());
        }
    }

    /**
     * Offsets to commit: empty when the body names none (then the consumed positions are committed). The wire
     * offset is the last record processed (Confluent's semantics), so Kafka's committed offset is one more.
     */
    static List<PartitionOffset> offsetsToCommit(OffsetsJson body) {
        if (body == null || body.offsets() == null) {
            return List.of();
        }
        return offsets(body, 1);
    }

    /** Positions to seek to (the next offset to read); at least one. */
    static List<PartitionOffset> seekPositions(OffsetsJson body) {
        if (body == null || body.offsets() == null || body.offsets().isEmpty()) {
            throw invalid("offsets must be a non-empty list of {\"topic\", \"partition\", \"offset\"}");
        }
        return offsets(body, 0);
    }

    /** The partitions of the body; at least one when required, else possibly empty. */
    static List<PartitionRef> partitions(PartitionsJson body, boolean required) {
        if (body == null || body.partitions() == null || body.partitions().isEmpty()) {
            if (required) {
                throw invalid("partitions must be a non-empty list of {\"topic\", \"partition\"}");
            }
            return List.of();
        }
        List<PartitionRef> result = new ArrayList<>();
        for (int i = 0; i < body.partitions().size(); i++) {
            TopicPartitionJson p = body.partitions().get(i);
            String field = "partitions[" + i + "]";
            if (p == null) {
                throw invalid(field + " must be an object {\"topic\", \"partition\"}");
            }
            result.add(new PartitionRef(topic(p.topic(), field), partition(p.partition(), field)));
        }
        return result;
    }

    private static List<PartitionOffset> offsets(OffsetsJson body, long kafkaOffsetDelta) {
        List<PartitionOffset> result = new ArrayList<>();
        for (int i = 0; i < body.offsets().size(); i++) {
            TopicPartitionOffsetJson o = body.offsets().get(i);
            String field = "offsets[" + i + "]";
            if (o == null) {
                throw invalid(field + " must be an object {\"topic\", \"partition\", \"offset\"}");
            }
            if (o.offset() == null || o.offset() < 0) {
                throw invalid(field + ".offset must be a non-negative integer");
            }
            result.add(new PartitionOffset(topic(o.topic(), field), partition(o.partition(), field),
                    o.offset() + kafkaOffsetDelta, o.metadata()));
        }
        return result;
    }

    private static String topic(String topic, String field) {
        if (topic == null || topic.isBlank()) {
            throw invalid(field + ".topic must be a topic name");
        }
        return topic;
    }

    private static int partition(Integer partition, String field) {
        if (partition == null || partition < 0) {
            throw invalid(field + ".partition must be a non-negative integer");
        }
        return partition;
    }

    private static RestException invalid(String message) {
        return ErrorCode.UNPROCESSABLE_ENTITY.exception(message);
    }
}
