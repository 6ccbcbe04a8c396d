package io.kafkarest.rest;

/** The one exception type the services throw for an error a client should see. */
public class RestException extends RuntimeException {
    private final ErrorCode errorCode;

    public RestException(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    public RestException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public ErrorResponse toResponse() {
        return new ErrorResponse(errorCode.code(), getMessage());
    }
}
