package io.kafkarest.gateway.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A consumer instance: group + instance id, as decoded from the path. */
public record ConsumerInstanceKey(String group, String instance) {

    /** {@code /consumers/{group}/instances/{instance}}, percent-encoded. */
    public String path() {
        return "/consumers/" + encode(group) + "/instances/" + encode(instance);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
