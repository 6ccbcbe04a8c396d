package io.kafkarest.admin.api;

import io.kafkarest.rest.ExternalUrl;
import io.micronaut.http.HttpRequest;

/** Absolute v3 links as the client sees them (through the gateway: the gateway's URL). */
record V3Links(String baseUrl) {

    static V3Links of(HttpRequest<?> request) {
        return new V3Links(ExternalUrl.of(request));
    }

    static String crn(String clusterId) {
        return "crn:///kafka=" + clusterId;
    }

    String clusters() {
        return baseUrl + "/v3/clusters";
    }

    String cluster(String clusterId) {
        return clusters() + "/" + clusterId;
    }

    String topics(String clusterId) {
        return cluster(clusterId) + "/topics";
    }

    String topic(String clusterId, String topic) {
        return topics(clusterId) + "/" + topic;
    }
}
