package org.musicoder.kernel;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %%js} cells through Jupyter's client ({@code src/test/python/jscells.py}): last values and console output,
 * Java variables shared with JS and JS globals bound in Java, JS errors with their line, completion, Tablesaw tables
 * rendered, an interrupted JS loop, the JS mode in {@code %lsmagic}.
 */
class JsCellsTest {
    @Test
    void jsCells(@TempDir Path tmp) throws Exception {
        new Jupyter(tmp).unittest("jscells", 7);
    }
}
