package io.kafkarest.admin.api.v3;

import io.kafkarest.admin.core.ConfigScope;
import io.kafkarest.rest.ExternalUrl;
import io.micronaut.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The absolute URLs and resource names (CRNs) of one cluster's v3 resources, as the client sees them: through the
 * gateway, URLs name the gateway. Names that may hold any character (group and consumer ids) are percent-encoded.
 */
final class V3Links {
    private final String clusters;
    private final String cluster;
    private final String crn;

    private V3Links(String baseUrl, String clusterId) {
        this.clusters = baseUrl + "/v3/clusters";
        this.cluster = clusters + "/" + segment(clusterId);
        this.crn = "crn:///kafka=" + clusterId;
    }

    static V3Links of(HttpRequest<?> request, String clusterId) {
        return new V3Links(ExternalUrl.of(request), clusterId);
    }

    static String clusters(HttpRequest<?> request) {
        return ExternalUrl.of(request) + "/v3/clusters";
    }

    /** A link and the matching resource name. */
    record Link(String url, String crn) {
    }

    Link cluster() {
        return new Link(cluster, crn);
    }

    String acls() {
        return cluster + "/acls";
    }

    // brokers and configs

    String brokers() {
        return cluster + "/brokers";
    }

    Link broker(int brokerId) {
        return new Link(brokers() + "/" + brokerId, crn + "/broker=" + brokerId);
    }

    String allBrokerConfigs() {
        return brokers() + "/-/configs";
    }

    String partitionReplicas(int brokerId) {
        return broker(brokerId).url() + "/partition-replicas";
    }

    /** The configs of a topic, a broker, or the cluster-wide broker defaults. */
    String configs(ConfigScope scope) {
        return switch (scope.type()) {
            case TOPIC -> topic(scope.name()).url() + "/configs";
            case BROKER -> broker(Integer.parseInt(scope.name())).url() + "/configs";
            case CLUSTER -> cluster + "/broker-configs";
        };
    }

    Link config(ConfigScope scope, String name) {
        String crnOfConfig = switch (scope.type()) {
            case TOPIC -> topic(scope.name()).crn() + "/config=" + name;
            case BROKER -> broker(Integer.parseInt(scope.name())).crn() + "/config=" + name;
            case CLUSTER -> crn + "/broker-config=" + name;
        };
        return new Link(configs(scope) + "/" + segment(name), crnOfConfig);
    }

    // topics, partitions, replicas

    String topics() {
        return cluster + "/topics";
    }

    Link topic(String topic) {
        return new Link(topics() + "/" + segment(topic), crn + "/topic=" + topic);
    }

    String allTopicConfigs() {
        return topics() + "/-/configs";
    }

    String partitions(String topic) {
        return topic(topic).url() + "/partitions";
    }

    Link partition(String topic, int partition) {
        return new Link(partitions(topic) + "/" + partition, topic(topic).crn() + "/partition=" + partition);
    }

    /** {@code offsetType}: earliest, latest or earliest_and_latest. */
    Link partitionOffsets(String topic, int partition, String offsetType) {
        Link p = partition(topic, partition);
        return new Link(p.url() + "/offset?offset_type=" + offsetType, p.crn() + "/offset_type=" + offsetType);
    }

    String replicas(String topic, int partition) {
        return partition(topic, partition).url() + "/replicas";
    }

    Link replica(String topic, int partition, int brokerId) {
        return new Link(replicas(topic, partition) + "/" + brokerId,
                partition(topic, partition).crn() + "/replica=" + brokerId);
    }

    Link reassignment(String topic, int partition) {
        Link p = partition(topic, partition);
        return new Link(p.url() + "/reassignment", p.crn() + "/reassignment");
    }

    String topicReassignments(String topic) {
        return partitions(topic) + "/-/reassignment";
    }

    String allReassignments() {
        return topics() + "/-/partitions/-/reassignment";
    }

    // consumer groups

    String consumerGroups() {
        return cluster + "/consumer-groups";
    }

    Link consumerGroup(String group) {
        return new Link(consumerGroups() + "/" + segment(group), crn + "/consumer-group=" + group);
    }

    String consumers(String group) {
        return consumerGroup(group).url() + "/consumers";
    }

    Link consumer(String group, String consumerId) {
        return new Link(consumers(group) + "/" + segment(consumerId),
                consumerGroup(group).crn() + "/consumer=" + consumerId);
    }

    String assignments(String group, String consumerId) {
        return consumer(group, consumerId).url() + "/assignments";
    }

    Link assignment(String group, String consumerId, String topic, int partition) {
        return new Link(assignments(group, consumerId) + "/" + segment(topic) + "/partitions/" + partition,
                consumer(group, consumerId).crn() + "/assignment=" + topic + "/partition=" + partition);
    }

    String lags(String group) {
        return consumerGroup(group).url() + "/lags";
    }

    Link lag(String group, String topic, int partition) {
        return new Link(lags(group) + "/" + segment(topic) + "/partitions/" + partition,
                consumerGroup(group).crn() + "/lag=" + topic + "/partition=" + partition);
    }

    Link lagSummary(String group) {
        Link g = consumerGroup(group);
        return new Link(g.url() + "/lag-summary", g.crn() + "/lag-summary");
    }

    /** A path segment: percent-encoded, spaces as %20. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
