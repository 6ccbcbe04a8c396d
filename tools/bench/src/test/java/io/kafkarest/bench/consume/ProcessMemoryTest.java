package io.kafkarest.bench.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    @Test
    void theServiceJarIsRecognisedButNotTheStackLauncher() {
        assertTrue(ProcessMemory.isConsumeService(cmdline("/usr/bin/java", "-Xmx384m", "-XX:+UseSerialGC", "-jar",
                "/w/consume-service/target/consume-service-0.1.0-SNAPSHOT-all.jar")));
        assertFalse(ProcessMemory.isConsumeService(cmdline("/usr/bin/java", "-jar",
                "/w/tools/local-stack/target/local-stack-0.1.0-SNAPSHOT-all.jar", "--replicas", "consume-service=1")));
        assertFalse(ProcessMemory.isConsumeService(cmdline("/usr/bin/java", "-jar",
                "/w/tools/bench/target/bench-0.1.0-SNAPSHOT-all.jar", "consume", "--consume-url", "http://x")));
    }

    @Test
    void rssIsReadFromTheStatus() throws IOException {
        assertEquals(340752, ProcessMemory.rssKb("Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t  340752 kB\nThreads:\t40\n"));
        assertThrows(IOException.class, () -> ProcessMemory.rssKb("Name:\tjava\n"));
        // this JVM has one
        assertTrue(ProcessMemory.rssKb(ProcessHandle.current().pid()) > 0);
    }

    private static byte[] cmdline(String... args) {
        return (String.join("\0", args) + "\0").getBytes(StandardCharsets.UTF_8);
    }
}
