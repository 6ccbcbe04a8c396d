package io.kafkarest.produce.api.v3;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.kafkarest.produce.api.EmbeddedDataReader;
import io.kafkarest.produce.core.ProduceException;
import io.kafkarest.produce.core.RecordProducer.ProducedRecord;
import io.kafkarest.produce.core.SerializedData;
import io.kafkarest.rest.ErrorCode;
import io.kafkarest.rest.RestException;
import io.kafkarest.rest.UnexpectedExceptionHandler;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Writes v3 delivery reports, as Confluent's proxy: {@code {"error_code":200,"cluster_id":..,"topic_name":..,
 * "partition_id":0,"offset":3,"timestamp":"2024-..Z","key":{"type":"BINARY","size":3},"value":{...}}} for a written
 * record (a schema-based key or value adds subject, schema_id and schema_version), {@code {"error_code":..,
 * "message":..}} for one that was not, each with the entry's {@code id} in a {@code records:batch} answer.
 */
@Singleton
class V3Reports {
    private final UnexpectedExceptionHandler errors;
    private final Timestamps timestamps = new Timestamps();

    V3Reports(UnexpectedExceptionHandler errors) {
        this.errors = errors;
    }

    /** The REST error for a record's failure; data that does not fit its type is a 400, as in Confluent's v3. */
    RestException toError(Throwable failure) {
        Throwable cause = UnexpectedExceptionHandler.unwrap(failure);
        if (cause instanceof ProduceException e && e.kind() == ProduceException.Kind.INVALID_DATA) {
            return new RestException(ErrorCode.BAD_REQUEST, "Bad Request: " + e.getMessage(), e);
        }
        return errors.toRestException(cause);
    }

    /** Streamed reports for records whose sends completed: one JSON object and a newline each, in order. */
    byte[] streamed(String clusterId, String topic, List<CompletableFuture<ProducedRecord>> sent) {
        ByteArrayBuilder out = new ByteArrayBuilder(256 * sent.size());
        try (JsonGenerator g = EmbeddedDataReader.JSON.createGenerator(out)) {
            g.setRootValueSeparator(null);
            for (CompletableFuture<ProducedRecord> record : sent) {
                if (record.state() == Future.State.SUCCESS) {
                    writeSuccess(g, null, clusterId, topic, record.resultNow());
                } else {
                    writeFailure(g, null, toError(record.exceptionNow()));
                }
                g.flush();
                out.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A batch answer for sends that completed: every success and every failure, each in request order. */
    byte[] batch(String clusterId, String topic, List<String> ids, List<CompletableFuture<ProducedRecord>> sent) {
        ByteArrayBuilder out = new ByteArrayBuilder(256 * ids.size());
        try (JsonGenerator g = EmbeddedDataReader.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("successes");
            for (int i = 0; i < ids.size(); i++) {
                if (sent.get(i).state() == Future.State.SUCCESS) {
                    writeSuccess(g, ids.get(i), clusterId, topic, sent.get(i).resultNow());
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("failures");
            for (int i = 0; i < ids.size(); i++) {
                if (sent.get(i).state() != Future.State.SUCCESS) {
                    writeFailure(g, ids.get(i), toError(sent.get(i).exceptionNow()));
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeSuccess(JsonGenerator g, String id, String clusterId, String topic,
                                     ProducedRecord produced) throws IOException {
        g.writeStartObject();
        if (id != null) {
            g.writeStringField("id", id);
        } else {
            g.writeNumberField("error_code", 200);
        }
        g.writeStringField("cluster_id", clusterId);
        g.writeStringField("topic_name", topic);
        g.writeNumberField("partition_id", produced.result().partition());
        g.writeNumberField("offset", produced.result().offset());
        g.writeStringField("timestamp", timestamps.format(produced.result().timestamp()));
        writeData(g, "key", produced.key());
        writeData(g, "value", produced.value());
        g.writeEndObject();
    }

    private static void writeData(JsonGenerator g, String field, SerializedData data) throws IOException {
        if (data == null) {
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeStringField("type", data.format().name());
        if (data.schema() != null) {
            if (data.schema().subject() != null) {
                g.writeStringField("subject", data.schema().subject());
            }
            g.writeNumberField("schema_id", data.schema().id());
            if (data.schema().version() != null) {
                g.writeNumberField("schema_version", data.schema().version());
            }
        }
        g.writeNumberField("size", data.size());
        g.writeEndObject();
    }

    private static void writeFailure(JsonGenerator g, String id, RestException error) throws IOException {
        g.writeStartObject();
        if (id != null) {
            g.writeStringField("id", id);
        }
        g.writeNumberField("error_code", error.errorCode().code());
        g.writeStringField("message", error.getMessage());
        g.writeEndObject();
    }
}
