package io.kafkarest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time a process on this machine used, from /proc (Linux), and the process listening on a TCP port
 * ({@code /proc/net/tcp{,6}} give the listening socket's inode, {@code /proc/<pid>/fd} the process holding it).
 */
public final class ProcessCpu implements MeasuredWindow {
    private static final Path PROC = Path.of("/proc");
    private static volatile long clockTicks;

    private final long pid;
    private long startTicks = -1;
    private long startNs;
    private long ticks;
    private long nanos;
    private int windows;
    /** A window could not be read: the sum is unknown. */
    private boolean failed;

    /** Measures {@code pid} over the windows it is told about, added up. */
    public ProcessCpu(long pid) {
        this.pid = pid;
    }

    @Override
    public synchronized void started() {
        startNs = System.nanoTime();
        try {
            startTicks = cpuTicks(pid);
        } catch (IOException e) {
            startTicks = -1;
        }
    }

    @Override
    public synchronized void ended() {
        long now = System.nanoTime();
        try {
            long end = cpuTicks(pid);
            if (startTicks < 0) {
                failed = true;
                return;
            }
            ticks += end - startTicks;
            nanos += now - startNs;
            windows++;
        } catch (IOException e) {
            failed = true;
        }
    }

    /** CPU seconds (user + system) the process used in the windows; NaN when not measured. */
    public synchronized double cpuSeconds() {
        return failed || windows == 0 ? Double.NaN : ticks / (double) clockTicks();
    }

    /** Wall-clock seconds of the windows; NaN when not measured. */
    public synchronized double wallSeconds() {
        return failed || windows == 0 ? Double.NaN : nanos / 1e9;
    }

    /** utime + stime of a process, in clock ticks. */
    public static long cpuTicks(long pid) throws IOException {
        return cpuTicks(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat")));
    }

    /**
     * utime + stime from the text of /proc/PID/stat: fields 14 and 15, counted after the command name, which is in
     * parentheses and may itself hold spaces and parentheses (so the fields start after the last ')').
     */
    static long cpuTicks(String stat) throws IOException {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IOException("not a /proc/PID/stat: " + stat);
        }
        // after ") ": field 3 (state) is index 0, so utime (14) is index 11, stime (15) index 12
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        if (f.length < 13) {
            throw new IOException("short /proc/PID/stat: " + stat);
        }
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Clock ticks per second of /proc's CPU times ({@code getconf CLK_TCK}; 100 when that fails). */
    static long clockTicks() {
        if (clockTicks == 0) {
            long ticks = 100;
            try {
                Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    ticks = Long.parseLong(out);
                }
            } catch (IOException | NumberFormatException e) {
                // keep 100, the value on every Linux we know
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            clockTicks = ticks;
        }
        return clockTicks;
    }

    /** The pid of the process listening on TCP {@code port} of this machine; fails when none or several. */
    public static long listenerOf(int port) throws IOException {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = PROC.resolve("net").resolve(table);
            if (Files.isReadable(file)) {
                inodes.addAll(listeningInodes(Files.readString(file), port));
            }
        }
        if (inodes.isEmpty()) {
            throw new IOException("nothing listens on port " + port + " of this machine");
        }
        Set<Long> pids = new HashSet<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(dir.resolve("fd"))) {
                    for (Path fd : fds) {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                            pids.add(Long.parseLong(name));
                            break;
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // gone, or not ours to read
                }
            }
        }
        if (pids.size() != 1) {
            throw new IOException(pids.isEmpty()
                    ? "no process of ours holds the socket listening on port " + port + ": give --gateway-pid"
                    : "several processes listen on port " + port + " " + pids + ": give --gateway-pid");
        }
        return pids.iterator().next();
    }

    /**
     * The inodes of the sockets in LISTEN state (st 0A) on {@code port} (any address) in the text of /proc/net/tcp
     * or /proc/net/tcp6: {@code sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout
     * inode ...}, addresses as {@code HEXADDR:HEXPORT}.
     */
    static List<String> listeningInodes(String procNetTcp, int port) {
        List<String> inodes = new ArrayList<>();
        for (String line : procNetTcp.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !f[0].endsWith(":")) {
                continue; // the header, or not a socket line
            }
            int colon = f[1].lastIndexOf(':');
            if (colon < 0 || !f[3].equals("0A")) {
                continue;
            }
            try {
                if (Integer.parseInt(f[1].substring(colon + 1), 16) == port) {
                    inodes.add(f[9]);
                }
            } catch (NumberFormatException e) {
                // not a socket line
            }
        }
        return inodes;
    }
}
