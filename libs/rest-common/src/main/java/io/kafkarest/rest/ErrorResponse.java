package io.kafkarest.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** The error body of every API: {@code {"error_code": 40401, "message": "..."}}. */
@Serdeable
public record ErrorResponse(@JsonProperty("error_code") int errorCode, String message) {
}
