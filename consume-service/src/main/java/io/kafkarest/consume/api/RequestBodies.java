package io.kafkarest.consume.api;

import io.kafkarest.consume.core.PartitionOffset;
import io.kafkarest.consume.core.PartitionRef;
import io.kafkarest.consume.core.PartitionTimestamp;
import io.kafkarest.consume.core.Subscription;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.RestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
    static List<PartitionOffset> seekPositions(SeekRequest body) {
        if (body == null || body.offsets() == null || body.offsets().isEmpty()) {
            throw invalid("offsets must be a non-empty list of {\"topic\", \"partition\", \"offset\"}");
        }
        return offsets(new OffsetsJson(body.offsets()), 0);
    }

    /** Whether a seek names timestamps (else offsets); not both. */
    static boolean seeksByTimestamp(SeekRequest body) {
        boolean byTime = body != null && body.timestamps() != null;
        if (byTime && body.offsets() != null) {
            throw invalid("Give either offsets or timestamps, not both");
        }
        return byTime;
    }

    /** Timestamps to seek to: epoch milliseconds or ISO-8601 instants; at least one. */
    static List<PartitionTimestamp> seekTimestamps(SeekRequest body) {
        if (body.timestamps().isEmpty()) {
            throw invalid("timestamps must be a non-empty list of {\"topic\", \"partition\", \"timestamp\"}");
        }
        List<PartitionTimestamp> result = new ArrayList<>();
        for (int i = 0; i < body.timestamps().size(); i++) {
            SeekRequest.TopicPartitionTimestampJson t = body.timestamps().get(i);
            String field = "timestamps[" + i + "]";
            if (t == null) {
                throw invalid(field + " must be an object {\"topic\", \"partition\", \"timestamp\"}");
            }
            result.add(new PartitionTimestamp(topic(t.topic(), field), partition(t.partition(), field),
                    timestamp(t.timestamp(), field + ".timestamp")));
        }
        return result;
    }

    private static long timestamp(Object value, String field) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() >= 0) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Instant.parse(s.trim()).toEpochMilli();
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        throw invalid(field + " must be epoch milliseconds or an ISO-8601 instant such as 2024-01-02T03:04:05Z"
                + " (got " + value + ")");
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
