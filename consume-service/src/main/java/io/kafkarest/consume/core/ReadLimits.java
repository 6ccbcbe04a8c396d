package io.kafkarest.consume.core;

import java.time.Duration;

/**
 * Bounds of one read.
 *
 * @param timeout  how long to wait for records; the read answers earlier once it has enough
 * @param maxBytes stop adding records once the next one would pass this many key+value bytes (at least one
 *                 record is always returned)
 * @param minBytes answer as soon as this many bytes are collected; 0 or less means as soon as any record is there
 */
public record ReadLimits(Duration timeout, long maxBytes, long minBytes) {
}
