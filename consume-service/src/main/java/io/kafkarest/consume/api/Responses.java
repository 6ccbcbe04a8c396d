package io.kafkarest.consume.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

/** 200 answers in the request's API version (application/vnd.kafka.v1+json for v1, else v2). */
final class Responses {
    private Responses() {
    }

    static <T> MutableHttpResponse<T> ok(HttpRequest<?> request, T body) {
        return HttpResponse.ok(body).contentType(ConsumerMediaTypes.responseType(request));
    }
}
