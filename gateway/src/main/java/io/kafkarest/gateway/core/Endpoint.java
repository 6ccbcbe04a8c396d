package io.kafkarest.gateway.core;

/**
 * One reachable backend node: a resolved address ({@code address} is an IP literal) behind a configured host name.
 *
 * @param scheme     http or https
 * @param hostName   the host as configured (e.g. {@code produce-service}), for messages
 * @param address    the IP literal the name resolved to
 * @param port       the port
 * @param pathPrefix a path prefix from the configured URL, usually empty
 */
public record Endpoint(String scheme, String hostName, String address, int port, String pathPrefix) {

    /** e.g. {@code http://10.0.0.5:8083}, plus the configured path prefix if any. */
    public String baseUri() {
        String host = address.indexOf(':') >= 0 ? "[" + address + "]" : address;
        return scheme + "://" + host + ":" + port + pathPrefix;
    }

    @Override
    public String toString() {
        return hostName.equals(address) ? baseUri() : baseUri() + " (" + hostName + ")";
    }
}
