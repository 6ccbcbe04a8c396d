package io.kafkarest.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

final class TestPaths {
    private TestPaths() {
    }

    /** The checkout's root: the first directory upwards from this module that holds compose.yaml. */
    static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        while (dir != null && !Files.exists(dir.resolve("compose.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No compose.yaml above " + System.getProperty("basedir"));
        }
        return dir;
    }
}
