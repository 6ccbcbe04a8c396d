package io.kafkarest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {
    @Test
    void utimePlusStimeAreReadAfterTheCommandName() throws IOException {
        // a command name with spaces and a ')' must not shift the fields
        String stat = "31115 (java) x) S 1 31115 31115 0 -1 4194560 120930 0 3 0 4521 873 0 0 20 0 61 0 123456"
                + " 3936239616 101234 18446744073709551615 1 1 0 0 0 0 4 1 1090 0 0 0 17 1 0 0 0 0 0";
        assertEquals(4521 + 873, ProcessCpu.cpuTicks(stat));
        assertThrows(IOException.class, () -> ProcessCpu.cpuTicks("garbage"));
        assertThrows(IOException.class, () -> ProcessCpu.cpuTicks("1 (java) S 1 2"));
    }

    @Test
    void thisJvmUsesCpuAndTicksAreKnown() throws IOException {
        assertTrue(ProcessCpu.cpuTicks(ProcessHandle.current().pid()) > 0);
        assertTrue(ProcessCpu.clockTicks() > 0);
    }

    @Test
    void listeningSocketsAreFoundByPort() {
        String tcp = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 93812 1 0000000000000000 100 0 0 10 0
                   1: 0100007F:1F90 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 95555 1 0000000000000000 20 4 30 10 -1
                   2: 00000000:1F92 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 93900 1 0000000000000000 100 0 0 10 0
                """;
        // 0x1F90 = 8080: only the listening socket, not the established one on the same port
        assertEquals(List.of("93812"), ProcessCpu.listeningInodes(tcp, 8080));
        assertEquals(List.of("93900"), ProcessCpu.listeningInodes(tcp, 8082));
        assertEquals(List.of(), ProcessCpu.listeningInodes(tcp, 8081));
        String tcp6 = """
                  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 77001 1 0000000000000000 100 0 0 10 0
                """;
        assertEquals(List.of("77001"), ProcessCpu.listeningInodes(tcp6, 8080));
    }

    @Test
    void theListenerOfAPortIsThisJvm() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertEquals(ProcessHandle.current().pid(), ProcessCpu.listenerOf(server.getLocalPort()));
        }
    }

    @Test
    void aWindowMeasuresCpuAndWallTime() {
        ProcessCpu cpu = new ProcessCpu(ProcessHandle.current().pid());
        assertTrue(Double.isNaN(cpu.cpuSeconds()));
        cpu.started();
        long end = System.nanoTime() + 300_000_000L;
        long spin = 0;
        while (System.nanoTime() < end) {
            spin++;
        }
        cpu.ended();
        assertFalse(spin == 0);
        assertTrue(cpu.wallSeconds() >= 0.3, "wall " + cpu.wallSeconds());
        assertTrue(cpu.cpuSeconds() > 0 && cpu.cpuSeconds() < 5, "cpu " + cpu.cpuSeconds());
    }

    @Test
    void windowsAddUpAndTheTimeBetweenThemIsLeftOut() {
        ProcessCpu cpu = new ProcessCpu(ProcessHandle.current().pid());
        long begin = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            cpu.started();
            spin(200_000_000L);
            cpu.ended();
            spin(300_000_000L); // busy too, but not in a window
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        assertTrue(cpu.wallSeconds() >= 0.4 && cpu.wallSeconds() < elapsed - 0.5,
                "wall " + cpu.wallSeconds() + " of " + elapsed);
        // the windows spun 0.4 s, the gaps 0.6 s more: counted, the gaps alone would pass 0.9 s
        assertTrue(cpu.cpuSeconds() > 0.05 && cpu.cpuSeconds() < 0.9, "cpu " + cpu.cpuSeconds());
    }

    @Test
    void aWindowThatCannotBeReadLeavesTheSumUnknown() {
        ProcessCpu gone = new ProcessCpu(Integer.MAX_VALUE); // no such process
        gone.started();
        gone.ended();
        assertTrue(Double.isNaN(gone.cpuSeconds()) && Double.isNaN(gone.wallSeconds()));
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
