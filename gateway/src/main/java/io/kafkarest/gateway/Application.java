package io.kafkarest.gateway;

import io.micronaut.runtime.Micronaut;
import java.security.Security;

public class Application {
    public static void main(String[] args) {
        // Service names are resolved again every few seconds (replicas come and go): keep the JVM's DNS cache short.
        if (Security.getProperty("networkaddress.cache.ttl") == null) {
            Security.setProperty("networkaddress.cache.ttl", "2");
        }
        if (Security.getProperty("networkaddress.cache.negative.ttl") == null
                || "10".equals(Security.getProperty("networkaddress.cache.negative.ttl"))) {
            Security.setProperty("networkaddress.cache.negative.ttl", "1");
        }
        Micronaut.run(Application.class, args);
    }
}
