package io.kafkarest.produce.api.v3;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.kafkarest.produce.api.EmbeddedDataReader;
import io.kafkarest.produce.api.v3.V3RecordReader.V3Record;
import io.kafkarest.produce.api.v3.V3RecordStream.Item;
import io.kafkarest.produce.core.ProduceException;
import io.kafkarest.produce.core.ProduceManager;
import io.kafkarest.produce.core.RecordProducer;
import io.kafkarest.produce.core.RecordProducer.OutgoingRecord;
import io.kafkarest.produce.core.RecordProducer.ProducedRecord;
import io.kafkarest.produce.core.TopicMetadata;
import io.kafkarest.rest.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * v3 produce: {@code POST /v3/clusters/{c}/topics/{t}/records} streams, {@code .../records:batch} answers a batch.
 *
 * <p>Streaming: the body is any number of concatenated JSON records; each is produced as soon as it is complete and
 * its delivery report is written as soon as Kafka answered and every earlier report is out, so reports come in
 * request order. The records that one body chunk completes travel together, in groups of at most
 * {@link #SEND_GROUP}: they are sent by one task and their reports are written in one piece once Kafka answered them
 * all (per-record hops cost more than the send). At most {@link V3ProduceSettings#streamMaxInFlight()} records wait
 * for Kafka; beyond that the body is not read further (back-pressure), so memory stays bounded however long the
 * stream. Records are sent from a blocking-capable worker (schema lookups, a full producer buffer), never from the
 * event loop, and reports are written there too, not on the producer's network thread.
 */
@Controller("/v3/clusters/{clusterId}/topics/{topicName}")
public class RecordsController {
    /** The most records sent and answered together. */
    static final int SEND_GROUP = 16;
    /** How many parsed groups wait between the body parser and the sender. */
    private static final int PARSED_PREFETCH = 32;

    private final RecordProducer producer;
    private final ProduceManager manager;
    private final TopicMetadata metadata;
    private final V3Reports reports;
    private final V3ProduceSettings settings;
    private final ExecutorService blocking;
    private final Scheduler senders;

    public RecordsController(RecordProducer producer, ProduceManager manager, TopicMetadata metadata,
                             V3Reports reports, V3ProduceSettings settings,
                             @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.producer = producer;
        this.manager = manager;
        this.metadata = metadata;
        this.reports = reports;
        this.settings = settings;
        this.blocking = blocking;
        this.senders = Schedulers.fromExecutorService(blocking, "v3-produce");
    }

    @Post(uri = "/records", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Publisher<byte[]>> produce(String clusterId, String topicName, @Body Publisher<byte[]> body) {
        checkClusterAndTopic(clusterId, topicName);
        V3RecordStream stream = new V3RecordStream();
        int groupsInFlight = Math.max(1, settings.streamMaxInFlight() / SEND_GROUP);
        Flux<byte[]> answers = Flux.from(body)
                .map(stream::feed)
                .concatWith(Mono.fromCallable(stream::end))
                .takeUntil(V3RecordStream::endsStream)
                .concatMapIterable(items -> groups(items, SEND_GROUP))
                .publishOn(senders, PARSED_PREFETCH)
                .map(group -> send(clusterId, topicName, group))
                .flatMapSequential(Mono::fromFuture, groupsInFlight, 1);
        return HttpResponse.ok(answers);
    }

    @Post(uri = "/records:batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public CompletableFuture<HttpResponse<byte[]>> produceBatch(String clusterId, String topicName,
                                                               @Nullable @Body byte[] body) {
        checkClusterAndTopic(clusterId, topicName);
        List<V3Record> entries = readBatch(body);
        List<CompletableFuture<ProducedRecord>> sent =
                producer.produceAll(topicName, entries.stream().map(V3Record::record).toList());
        List<String> ids = entries.stream().map(V3Record::id).toList();
        return whenAllDone(sent).thenApplyAsync(done -> HttpResponse.<byte[]>status(HttpStatus.MULTI_STATUS)
                .body(reports.batch(clusterId, topicName, ids, sent)), blocking);
    }

    /** Sends a group of streamed records; completes with their reports once Kafka answered them all. */
    private CompletableFuture<byte[]> send(String clusterId, String topic, List<Item> group) {
        List<CompletableFuture<ProducedRecord>> sent = new ArrayList<>(Collections.nCopies(group.size(), null));
        List<OutgoingRecord> records = new ArrayList<>(group.size());
        List<Integer> positions = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            Item item = group.get(i);
            if (item.error() != null) {
                sent.set(i, CompletableFuture.failedFuture(item.error()));
            } else {
                records.add(item.record().record());
                positions.add(i);
            }
        }
        List<CompletableFuture<ProducedRecord>> produced = producer.produceAll(topic, records);
        for (int j = 0; j < produced.size(); j++) {
            sent.set(positions.get(j), produced.get(j));
        }
        return whenAllDone(sent).thenApplyAsync(done -> reports.streamed(clusterId, topic, sent), blocking);
    }

    /** Completes (normally) when every one of {@code futures} completed, normally or not. */
    private static CompletableFuture<Void> whenAllDone(List<? extends CompletableFuture<?>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((all, failure) -> null);
    }

    /** {@code items} cut into consecutive groups of at most {@code size}. */
    static <T> List<List<T>> groups(List<T> items, int size) {
        if (items.size() <= size) {
            return items.isEmpty() ? List.of() : List.of(items);
        }
        List<List<T>> groups = new ArrayList<>((items.size() + size - 1) / size);
        for (int from = 0; from < items.size(); from += size) {
            groups.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return groups;
    }

    private void checkClusterAndTopic(String clusterId, String topic) {
        if (!metadata.clusterId().equals(clusterId)) {
            throw ErrorCode.NOT_FOUND.exception("Cluster " + clusterId + " not found.");
        }
        manager.checkTopic(topic);
    }

    /** {@code {"entries":[{"id":"a", ...record}]}}: 1 to batchMaxEntries entries with distinct ids, else 42208. */
    private List<V3Record> readBatch(byte[] body) {
        if (body == null || body.length == 0) {
            throw invalidBatch("The batch is empty: the body must be {\"entries\":[...]}.");
        }
        List<V3Record> entries = null;
        try (JsonParser p = EmbeddedDataReader.JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw V3RecordReader.bad("the body must be a JSON object with entries");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken token = p.nextToken();
                if (!p.currentName().equals("entries")) {
                    p.skipChildren();
                } else if (token != JsonToken.START_ARRAY) {
                    throw V3RecordReader.bad("entries must be an array");
                } else {
                    entries = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        entries.add(V3RecordReader.read(p));
                    }
                }
            }
        } catch (StreamReadException e) {
            throw ErrorCode.BAD_REQUEST.exception("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ErrorCode.BAD_REQUEST.exception("Unreadable request body: " + e.getMessage());
        }
        if (entries == null || entries.isEmpty()) {
            throw invalidBatch("The batch is empty: entries must have at least one entry.");
        }
        if (entries.size() > settings.batchMaxEntries()) {
            throw invalidBatch("The batch has " + entries.size() + " entries; at most " + settings.batchMaxEntries()
                    + " are allowed.");
        }
        Set<String> ids = new HashSet<>();
        for (V3Record entry : entries) {
            if (entry.id() == null || entry.id().isEmpty() || entry.id().length() > 80) {
                throw invalidBatch("Every entry needs an id of 1 to 80 characters.");
            }
            if (!ids.add(entry.id())) {
                throw invalidBatch("The batch entry ids are not distinct: " + entry.id() + " appears twice.");
            }
        }
        return entries;
    }

    private static ProduceException invalidBatch(String message) {
        return new ProduceException(ProduceException.Kind.INVALID_BATCH, message);
    }
}
