package io.kafkarest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The services' logback set-up ({@code kafkarest-logback.xml}): {@code LOG_FORMAT} picks the root logger's one
 * appender, it configures without warnings, and every event reaches standard output, in order, with its request id.
 */
class SharedLogbackConfigTest {
    private static final int EVENTS = 1_000;

    @Test
    void plainLinesCarryTheRequestId() throws Exception {
        String out = logWith("plain");
        List<String> lines = out.lines().filter(l -> l.contains("event ")).toList();
        assertEquals(EVENTS, lines.size(), "every event is written");
        assertTrue(lines.get(0).contains(" INFO  [") && lines.get(0).endsWith("test.logger - event 0 request_id=rid-0"), lines.get(0));
        assertTrue(lines.get(EVENTS - 1).endsWith("event " + (EVENTS - 1) + " request_id=rid-" + (EVENTS - 1)),
                lines.get(EVENTS - 1));
        assertTrue(out.lines().anyMatch(l -> l.endsWith("test.logger - outside a request")),
                "no request_id when there is none: " + out.lines().filter(l -> l.contains("outside")).toList());
    }

    @Test
    void jsonLinesCarryTheRequestId() throws Exception {
        String out = logWith("json");
        List<String> lines = out.lines().filter(l -> l.contains("\"event ")).toList();
        assertEquals(EVENTS, lines.size(), "every event is written");
        assertTrue(lines.get(7).contains("\"formattedMessage\":\"event 7\"") && lines.get(7).contains("\"rid-7\""),
                lines.get(7));
    }

    /** Configures a fresh context as a service would, logs EVENTS lines and stops it; what went to stdout. */
    private static String logWith(String format) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.putProperty("LOG_FORMAT", format);
        context.setMDCAdapter(MDC.getMDCAdapter());
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(SharedLogbackConfigTest.class.getResource("/logging/service-logback.xml"));
            List<String> problems = new ArrayList<>();
            for (Status s : context.getStatusManager().getCopyOfStatusList()) {
                if (s.getLevel() >= Status.WARN) {
                    problems.add(s.getMessage());
                }
            }
            assertEquals(List.of(), problems, "configuration warnings or errors");
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            List<Appender<?>> appenders = new ArrayList<>();
            root.iteratorForAppenders().forEachRemaining(appenders::add);
            assertEquals(1, appenders.size());
            assertEquals(format, appenders.get(0).getName());
            Logger logger = context.getLogger("test.logger");
            IntStream.range(0, EVENTS).forEach(i -> {
                MDC.put("request_id", "rid-" + i);
                try {
                    logger.info("event {}", i);
                } finally {
                    MDC.remove("request_id");
                }
            });
            logger.info("outside a request");
        } finally {
            context.stop();
            System.setOut(stdout);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
