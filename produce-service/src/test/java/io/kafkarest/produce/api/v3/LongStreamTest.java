package io.kafkarest.produce.api.v3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkarest.produce.ProduceTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A stream of 100,000 records of 1 KB (about 140 MB of request body) in one chunked request, written while the
 * reports are read (full duplex, as a streaming client such as curl does): every record is reported, in order, and
 * the heap does not grow with the stream (back-pressure, not buffering).
 */
@MicronautTest
class LongStreamTest extends ProduceTestSupport {
    private static final int RECORDS = 100_000;
    private static final int RECORDS_PER_CHUNK = 16;

    @Test
    void aLongStreamIsReportedInOrderWithFlatMemory() throws Exception {
        String topic = createTopic(1);
        String record = "{\"value\":{\"type\":\"BINARY\",\"data\":\"" + b64(new byte[1024]) + "\"}}\n";
        byte[] chunk = record.repeat(RECORDS_PER_CHUNK).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(300_000);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65536);
            out.write(("POST /v3/clusters/" + clusterId() + "/topics/" + topic + "/records HTTP/1.1\r\n"
                    + "Host: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < RECORDS / RECORDS_PER_CHUNK; i++) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            assertTrue(readLine(in).startsWith("HTTP/1.1 200"), "status");
            boolean chunked = false;
            for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
                chunked |= header.toLowerCase().startsWith("transfer-encoding: chunked");
            }
            assertTrue(chunked, "the reports are streamed (chunked)");
            long reports = 0;
            long heapEarly = 0;
            long heapLate = 0;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(readLine(in).trim(), 16); size > 0;
                 size = Integer.parseInt(readLine(in).trim(), 16)) {
                for (int i = 0; i < size; i++) {
                    int b = in.read();
                    if (b != '\n') {
                        line.write(b);
                        continue;
                    }
                    String report = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    assertTrue(report.startsWith("{\"error_code\":200,"), report);
                    assertTrue(report.contains("\"offset\":" + reports + ","), "in order: " + reports + ": " + report);
                    reports++;
                    if (reports == 20_000) {
                        heapEarly = usedHeapAfterGc();
                    } else if (reports == 90_000) {
                        heapLate = usedHeapAfterGc();
                    }
                }
                readLine(in); // the CRLF after the chunk
            }
            writer.join();
            assertEquals(RECORDS, reports);
            assertEquals(RECORDS, endOffset(topic, 0));
            long growthMb = (heapLate - heapEarly) / (1024 * 1024);
            assertTrue(growthMb < 40, "heap grew by " + growthMb + " MB between report 20k and 90k (70 MB of records)");
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed after: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
