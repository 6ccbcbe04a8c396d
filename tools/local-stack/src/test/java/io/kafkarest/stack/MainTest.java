package io.kafkarest.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainTest {
    private final StackOptions defaults = StackOptions.local(Path.of("/repo"));

    @Test
    void defaultsAreOneReplicaEachWithRegistryAndDataUnderDotLocal() {
        StackOptions options = Main.parse(new String[0], defaults);
        for (String service : Services.BACKENDS) {
            assertEquals(1, options.replicasOf(service));
        }
        assertTrue(options.registry());
        assertEquals(Path.of("/repo/.local"), options.workDir());
        assertEquals(Path.of("/repo/consume-service/target/consume-service-0.1.0-SNAPSHOT-all.jar"),
                options.jarOf("consume-service", "consume-service"));
    }

    @Test
    void replicaCountsAndFlagsAreParsed() {
        StackOptions options = Main.parse(new String[] {
            "--replicas", "consume-service=2,produce-service=3", "--no-registry", "--data-dir", "/tmp/x"}, defaults);
        assertEquals(2, options.replicasOf(Services.CONSUME));
        assertEquals(3, options.replicasOf(Services.PRODUCE));
        assertEquals(1, options.replicasOf(Services.ADMIN));
        assertFalse(options.registry());
        assertEquals(Path.of("/tmp/x"), options.workDir());
    }

    @Test
    void badArgumentsAreRejectedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--replicas", "nope=2"}, defaults));
        assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--replicas", "consume-service=0"}, defaults));
        assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--replicas", "consume-service=x"}, defaults));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--bogus"}, defaults));
    }

    @Test
    void fixedPortsAreTheDocumentedOnes() {
        PortPlan fixed = PortPlan.fixed();
        assertEquals(8080, fixed.apiPort(Services.GATEWAY, 0));
        assertEquals(8090, fixed.managementPort(Services.GATEWAY, 0));
        assertEquals(8083, fixed.apiPort(Services.CONSUME, 0));
        assertEquals(8183, fixed.apiPort(Services.CONSUME, 1));
        assertEquals(8193, fixed.managementPort(Services.CONSUME, 1));
        assertEquals(9092, fixed.apiPort(Services.KAFKA, 0));
        assertEquals(9093, fixed.managementPort(Services.KAFKA, 0));
        assertEquals(8085, fixed.apiPort(Services.REGISTRY, 0));
    }
}
