package io.kafkarest.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelConfig;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/**
 * The read loop of a connection that reads on demand, as Netty's socket channels drive it: allocate, read, count,
 * ask whether to go on. Netty's own allocator stops after one read when {@code autoRead} is off; {@link
 * ReadsWhileFull} goes on while each read fills its buffer.
 */
class ReadsWhileFullTest {
    private final ChannelConfig onDemand = onDemandConfig();

    private static ChannelConfig onDemandConfig() {
        ChannelConfig config = new EmbeddedChannel().config();
        config.setAutoRead(false);
        return config;
    }

    /** One read of the loop: {@code available} bytes in the socket; returns what was read. */
    private static int read(RecvByteBufAllocator.Handle handle, int available) {
        ByteBuf buffer = handle.allocate(UnpooledByteBufAllocator.DEFAULT);
        try {
            handle.attemptedBytesRead(buffer.writableBytes());
            int n = Math.min(available, buffer.writableBytes());
            handle.lastBytesRead(n);
            if (n > 0) {
                handle.incMessagesRead(1);
            }
            return n;
        } finally {
            buffer.release();
        }
    }

    /** One read asked for: the reads of the loop until the handle stops it; returns the bytes read. */
    private static int readLoop(RecvByteBufAllocator.Handle handle, ChannelConfig config, int inSocket) {
        handle.reset(config);
        int total = 0;
        do {
            int n = read(handle, inSocket - total);
            if (n <= 0) {
                break;
            }
            total += n;
        } while (handle.continueReading());
        handle.readComplete();
        return total;
    }

    @Test
    void nettysAllocatorReadsOnceWhenTheConnectionReadsOnDemand() {
        RecvByteBufAllocator.Handle netty = PassThrough.SOCKET_READS.newHandle();
        assertEquals(16 * 1024, readLoop(netty, onDemand, 138_000), "one read of its first guess, the rest waits");
    }

    @Test
    void aRequestAlreadyInTheSocketIsReadInOneGo() {
        RecvByteBufAllocator.Handle reads = PassThrough.CLIENT_READS.newHandle();
        assertEquals(138_000, readLoop(reads, onDemand, 138_000));
        // the next request: the guess grew, and it still reads all that is there
        assertEquals(700_000, readLoop(reads, onDemand, 700_000));
    }

    @Test
    void itStopsAtAReadThatDidNotFillItsBuffer() {
        RecvByteBufAllocator.Handle reads = PassThrough.CLIENT_READS.newHandle();
        reads.reset(onDemand);
        assertEquals(16 * 1024, read(reads, 16 * 1024));
        assertTrue(reads.continueReading(), "a full buffer: there may be more");
        assertEquals(100, read(reads, 100));
        assertFalse(reads.continueReading(), "the socket is empty");
    }

    @Test
    void atMostMaxReadsInARow() {
        RecvByteBufAllocator.Handle reads = new ReadsWhileFull(new AdaptiveRecvByteBufAllocator(64, 1024, 1024), 3)
                .newHandle();
        assertEquals(3 * 1024, readLoop(reads, onDemand, 10 * 1024), "three full reads, then the next turn");
    }
}
