package io.kafkarest.produce.core;

import io.kafkarest.rest.ErrorCode;

/**
 * What happened to one produced record: where it was written, or why it was not.
 *
 * @param partition the partition written to; on failure the requested partition, or {@code null}
 * @param offset    the offset, {@code null} on failure
 * @param timestamp the record timestamp in epoch millis, {@code null} on failure
 * @param errorCode {@code null} on success; {@link ErrorCode#KAFKA_ERROR} or {@link ErrorCode#KAFKA_RETRIABLE_ERROR}
 * @param error     the failure message, {@code null} on success
 */
public record RecordResult(Integer partition, Long offset, Long timestamp, ErrorCode errorCode, String error) {

    public static RecordResult written(int partition, long offset, long timestamp) {
        return new RecordResult(partition, offset, timestamp, null, null);
    }

    public static RecordResult failed(Integer partition, ErrorCode errorCode, String error) {
        return new RecordResult(partition, null, null, errorCode, error);
    }

    public boolean succeeded() {
        return errorCode == null;
    }
}
