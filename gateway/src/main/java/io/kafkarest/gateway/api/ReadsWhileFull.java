package io.kafkarest.gateway.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelConfig;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;

/**
 * A read allocator for connections that read on demand ({@code autoRead} off, as Micronaut's server connections):
 * one read asked for goes on reading while each read fills its buffer (up to {@code maxReads} in a row), as Netty
 * does only for {@code autoRead} connections. Without it, every read asked for is one {@code read} system call and
 * the rest of what is already in the socket waits for the next turn of the event loop: a 138 KB produce request took
 * three reads and two more {@code epoll_wait}s before the gateway could send it on. Sizes come from the wrapped
 * allocator.
 */
final class ReadsWhileFull implements RecvByteBufAllocator {
    private final RecvByteBufAllocator sizes;
    private final int maxReads;

    ReadsWhileFull(RecvByteBufAllocator sizes, int maxReads) {
        this.sizes = sizes;
        this.maxReads = maxReads;
    }

    @Override
    public Handle newHandle() {
        return new ReadsHandle((ExtendedHandle) sizes.newHandle(), maxReads);
    }

    private static final class ReadsHandle implements ExtendedHandle {
        private final ExtendedHandle sizes;
        private final int maxReads;
        private int reads;
        private boolean lastFilled;

        ReadsHandle(ExtendedHandle sizes, int maxReads) {
            this.sizes = sizes;
            this.maxReads = maxReads;
        }

        @Override
        public void reset(ChannelConfig config) {
            sizes.reset(config);
            reads = 0;
            lastFilled = false;
        }

        @Override
        public void lastBytesRead(int bytes) {
            lastFilled = bytes > 0 && bytes == sizes.attemptedBytesRead();
            sizes.lastBytesRead(bytes);
        }

        @Override
        public void incMessagesRead(int numMessages) {
            reads += numMessages;
            sizes.incMessagesRead(numMessages);
        }

        @Override
        public boolean continueReading() {
            return lastFilled && reads < maxReads;
        }

        @Override
        public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
            return reads < maxReads && maybeMoreDataSupplier.get();
        }

        @Override
        public ByteBuf allocate(ByteBufAllocator alloc) {
            return sizes.allocate(alloc);
        }

        @Override
        public int guess() {
            return sizes.guess();
        }

        @Override
        public int lastBytesRead() {
            return sizes.lastBytesRead();
        }

        @Override
        public void attemptedBytesRead(int bytes) {
            sizes.attemptedBytesRead(bytes);
        }

        @Override
        public int attemptedBytesRead() {
            return sizes.attemptedBytesRead();
        }

        @Override
        public void readComplete() {
            sizes.readComplete();
        }
    }
}
