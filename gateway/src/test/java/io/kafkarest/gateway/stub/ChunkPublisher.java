package io.kafkarest.gateway.stub;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/** A request body the test writes piece by piece (each piece is sent as it is added, honouring demand). */
public final class ChunkPublisher implements Flow.Publisher<ByteBuffer> {
    private final BlockingQueue<Optional<ByteBuffer>> queue = new LinkedBlockingQueue<>();

    public void send(byte[] piece) {
        queue.add(Optional.of(ByteBuffer.wrap(piece)));
    }

    public void finish() {
        queue.add(Optional.empty());
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Semaphore demand = new Semaphore(0);
        Thread emitter = Thread.ofVirtual().unstarted(() -> {
            try {
                while (true) {
                    Optional<ByteBuffer> next = queue.take();
                    if (next.isEmpty()) {
                        subscriber.onComplete();
                        return;
                    }
                    demand.acquire();
                    subscriber.onNext(next.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                demand.release((int) Math.min(n, 1_000_000));
            }

            @Override
            public void cancel() {
                emitter.interrupt();
            }
        });
        emitter.start();
    }
}
