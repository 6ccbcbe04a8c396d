package io.kafkarest.consume.core;

import java.util.List;
import java.util.regex.Pattern;

/** What a consumer subscribes to: a list of topics or a topic name pattern (exactly one of them). */
public record Subscription(List<String> topics, Pattern pattern) {
    public Subscription {
        if ((topics == null) == (pattern == null)) {
            throw new IllegalArgumentException("exactly one of topics or pattern must be given");
        }
        topics = topics == null ? null : List.copyOf(topics);
    }

    public static Subscription ofTopics(List<String> topics) {
        return new Subscription(topics, null);
    }

    public static Subscription ofPattern(Pattern pattern) {
        return new Subscription(null, pattern);
    }
}
