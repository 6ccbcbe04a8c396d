package io.kafkarest.connect.core;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.connect.runtime.AbstractHerder;
import org.apache.kafka.connect.runtime.AbstractStatus;
import org.apache.kafka.connect.runtime.AbstractStatus.State;
import org.apache.kafka.connect.storage.StatusBackingStore;

/**
 * Connectors and tasks by state, {@code kafkarest_connectors{state}} and {@code kafkarest_connector_tasks{state}},
 * counted from the worker's status store (the cluster's view, read from the status topic) whenever they are scraped:
 * every worker of a cluster reports the same numbers. All zero while the worker is not running.
 */
@Singleton
public class ConnectorMetrics implements MeterBinder {
    private final ConnectRuntime runtime;

    public ConnectorMetrics(ConnectRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (State state : State.values()) {
            Gauge.builder("kafkarest.connectors", () -> count(store -> store.connectors().stream()
                            .map(store::get), state))
                    .description("Connectors of the Connect cluster by state")
                    .tag("state", state.name())
                    .register(registry);
            Gauge.builder("kafkarest.connector.tasks", () -> count(store -> store.connectors().stream()
                            .map(store::getAll).flatMap(Collection::stream), state))
                    .description("Connector tasks of the Connect cluster by state")
                    .tag("state", state.name())
                    .register(registry);
        }
    }

    private long count(Function<StatusBackingStore, Stream<? extends AbstractStatus<?>>> statuses, State state) {
        if (runtime.state() != ConnectRuntime.State.RUNNING
                || !(runtime.herder() instanceof AbstractHerder herder)) {
            return 0;
        }
        Map<State, Long> byState = statuses.apply(herder.statusBackingStore())
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(AbstractStatus::state, Collectors.counting()));
        return byState.getOrDefault(state, 0L);
    }
}
