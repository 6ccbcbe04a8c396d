package io.kafkarest.stack;

import java.util.List;
import java.util.Map;

/**
 * One process of the stack as it is to be started.
 *
 * @param name           unique name, also the log file name (e.g. {@code consume-service-2})
 * @param command        the full command line
 * @param environment    extra environment variables
 * @param apiPort        the port clients use
 * @param readinessUrl   polled until it answers 200; null when {@code readyLine} decides
 * @param readyLine      a line the process prints once it serves; null when {@code readinessUrl} decides
 */
public record Component(String name, List<String> command, Map<String, String> environment, int apiPort,
                        String readinessUrl, String readyLine) {
}
