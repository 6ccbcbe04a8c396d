package io.kafkarest.bench.consume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The resident memory of a process on this machine, from /proc (Linux). */
final class ProcessMemory {
    private static final Path PROC = Path.of("/proc");

    private ProcessMemory() {
    }

    /**
     * The pid of the only process running a {@code consume-service-*-all.jar} (a service of the local stack); fails when there is none or more than one (replicas: use --consume-pid).
     */
    static long findConsumeService() throws IOException {
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (isConsumeService(Files.readAllBytes(dir.resolve("cmdline")))) {
                        found.add(Long.parseLong(name));
                    }
                } catch (IOException e) {
                    // gone, or not ours to read
                }
            }
        }
        if (found.size() != 1) {
            throw new IOException(found.isEmpty()
                    ? "no consume-service process (command line with consume-service and -all.jar) on this machine;"
                            + " give --consume-pid"
                    : "several consume-service processes " + found + "; give --consume-pid");
        }
        return found.get(0);
    }

    /**
     * Whether a /proc/PID/cmdline (arguments separated by NUL) runs a consume-service jar: one argument that names
     * consume-service and ends with {@code -all.jar} (the local stack's launcher also has "consume-service" and
     * "-all.jar" on its command line, in different arguments: {@code --replicas consume-service=1}).
     */
    static boolean isConsumeService(byte[] cmdline) {
        for (String arg : new String(cmdline, StandardCharsets.UTF_8).split("\0")) {
            if (arg.endsWith("-all.jar") && arg.substring(arg.lastIndexOf('/') + 1).startsWith("consume-service")) {
                return true;
            }
        }
        return false;
    }

    /** VmRSS of the process, in KB. */
    static long rssKb(long pid) throws IOException {
        return rssKb(Files.readString(PROC.resolve(Long.toString(pid)).resolve("status")));
    }

    /** VmRSS from the text of /proc/PID/status, in KB. */
    static long rssKb(String status) throws IOException {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String v = line.substring("VmRSS:".length()).trim();
                return Long.parseLong(v.split("\\s+")[0]);
            }
        }
        throw new IOException("no VmRSS in the process status");
    }
}
