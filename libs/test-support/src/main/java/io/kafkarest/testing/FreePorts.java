package io.kafkarest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports nothing listens on, for what tests start (servers, brokers, the registry, a local stack), chosen below
 * Linux's ephemeral range (32768-60999): a port from that range, as the OS hands out for {@code new ServerSocket(0)},
 * can be taken by an outgoing connection of a process already started (the broker, a worker) between choosing it and
 * binding it - it happened to the registry in a verify run.
 */
public final class FreePorts {
    private static final int LOWEST = 20000;
    private static final int HIGHEST = 32000;
    /** Ports this JVM handed out already: never twice, even once their process has stopped. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port nothing listens on now and that this JVM has not handed out before. */
    public static int next() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException e) {
                // in use: the next one
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
