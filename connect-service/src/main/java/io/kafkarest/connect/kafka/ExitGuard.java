package io.kafkarest.connect.kafka;

import java.util.function.BiConsumer;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect ends the JVM through Kafka's {@link Exit} when its herder thread dies. Embedded in a service that
 * would kill the process silently; instead the request is logged loudly (with the stack that asked for it) and
 * handed to a listener that marks the worker failed, which liveness and readiness then report.
 */
final class ExitGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ExitGuard.class);
    private static volatile BiConsumer<Integer, String> listener = (status, message) -> { };

    private ExitGuard() {
    }

    static synchronized void install(BiConsumer<Integer, String> onExitRequest) {
        listener = onExitRequest;
        Exit.setExitProcedure((status, message) -> intercept("exit", status, message));
        Exit.setHaltProcedure((status, message) -> intercept("halt", status, message));
    }

    static synchronized void uninstall(BiConsumer<Integer, String> onExitRequest) {
        if (listener == onExitRequest) {
            listener = (status, message) -> { };
        }
    }

    private static void intercept(String kind, int status, String message) {
        LOG.error("Kafka Connect asked the JVM to {} with status {}{}; the JVM keeps running and the Connect worker "
                        + "is marked FAILED (liveness and readiness report it)", kind, status,
                message == null ? "" : " (" + message + ")", new IllegalStateException("JVM " + kind + " requested"));
        listener.accept(status, message);
    }
}
