package io.kafkarest.gateway.backend;

import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The JVM's resolver ({@link InetAddress#getAllByName}); its cache TTL is kept short by the application. */
@Singleton
public class SystemHostResolver implements HostResolver {
    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
