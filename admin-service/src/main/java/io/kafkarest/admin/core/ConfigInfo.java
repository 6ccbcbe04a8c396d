package io.kafkarest.admin.core;

import java.util.List;

/**
 * One config entry as Kafka describes it.
 *
 * @param value  null when sensitive or unset
 * @param source where the value comes from, in Kafka's terms (DYNAMIC_TOPIC_CONFIG, DEFAULT_CONFIG, ...)
 */
public record ConfigInfo(String name, String value, boolean isDefault, boolean readOnly, boolean sensitive,
                         String source, List<Synonym> synonyms) {

    public static final String TOPIC_OVERRIDE_SOURCE = "DYNAMIC_TOPIC_CONFIG";

    /** Set on the topic itself (what v1/v2 show as a topic's configs). */
    public boolean isTopicOverride() {
        return TOPIC_OVERRIDE_SOURCE.equals(source) && value != null;
    }

    public record Synonym(String name, String value, String source) {
    }
}
