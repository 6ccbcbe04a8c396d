package io.kafkarest.produce.core;

/**
 * What happened to one produced record: where it was written, or why it was not.
 *
 * @param partition the partition written to; on failure the requested partition, or {@code null}
 * @param offset    the offset, {@code null} on failure
 * @param timestamp the record timestamp in epoch millis, {@code null} on failure
 * @param failure   why Kafka did not write it (a Kafka exception), {@code null} on success
 */
public record RecordResult(Integer partition, Long offset, Long timestamp, Throwable failure) {

    public static RecordResult written(int partition, long offset, long timestamp) {
        return new RecordResult(partition, offset, timestamp, null);
    }

    public static RecordResult failed(Integer partition, Throwable failure) {
        return new RecordResult(partition, null, null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
