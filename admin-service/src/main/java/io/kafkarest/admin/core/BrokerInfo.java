package io.kafkarest.admin.core;

import java.util.Optional;

/** A live broker of the cluster. */
public record BrokerInfo(int id, String host, int port, Optional<String> rack) {
}
