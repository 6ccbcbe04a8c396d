package io.kafkarest.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * PKCS12 stores made at test time with the JDK's keytool: a server key for 127.0.0.1/localhost, a client key, and
 * trust stores holding each one's certificate.
 */
final class TestCertificates {
    static final String PASSWORD = "changeit";

    final Path serverKeyStore;
    final Path serverTrustStore; // trusts the client certificate
    final Path clientKeyStore;
    final Path clientTrustStore; // trusts the server certificate

    private TestCertificates(Path dir) {
        serverKeyStore = dir.resolve("server.p12");
        serverTrustStore = dir.resolve("server-trust.p12");
        clientKeyStore = dir.resolve("client.p12");
        clientTrustStore = dir.resolve("client-trust.p12");
    }

    static TestCertificates create(Path dir) {
        TestCertificates c = new TestCertificates(dir);
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", c.serverKeyStore.toString(), "-storepass", PASSWORD);
        keytool("-genkeypair", "-alias", "client", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=test-client", "-storetype", "PKCS12", "-keystore", c.clientKeyStore.toString(),
                "-storepass", PASSWORD);
        Path serverCert = dir.resolve("server.crt");
        Path clientCert = dir.resolve("client.crt");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", c.serverKeyStore.toString(),
                "-storepass", PASSWORD, "-file", serverCert.toString());
        keytool("-exportcert", "-rfc", "-alias", "client", "-keystore", c.clientKeyStore.toString(),
                "-storepass", PASSWORD, "-file", clientCert.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", serverCert.toString(),
                "-storetype", "PKCS12", "-keystore", c.clientTrustStore.toString(), "-storepass", PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", clientCert.toString(),
                "-storetype", "PKCS12", "-keystore", c.serverTrustStore.toString(), "-storepass", PASSWORD);
        return c;
    }

    /** A client context trusting the server; with the client's key when {@code withClientCertificate}. */
    SSLContext clientContext(boolean withClientCertificate) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(clientTrustStore));
            KeyManagerFactory kmf = null;
            if (withClientCertificate) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(clientKeyStore), PASSWORD.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path path) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
