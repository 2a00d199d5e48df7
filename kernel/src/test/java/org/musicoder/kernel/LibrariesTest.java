package org.musicoder.kernel;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %maven}, {@code %jars} and {@code %classpath} through Jupyter's client ({@code src/test/python/libraries.py}):
 * commons-text and its runtime dependency resolved from Maven Central into a fresh local repository and used by
 * later cells, the kernel's own commons-csv kept over an older one, a jar compiled by the test added by a glob,
 * and one-line errors for a bad coordinate, an unknown artifact, offline mode and bad paths.
 */
class LibrariesTest {
    @Test
    void mavenJarsAndClasspath(@TempDir Path tmp) throws Exception {
        new Jupyter(tmp).unittest("libraries", 4);
    }
}
