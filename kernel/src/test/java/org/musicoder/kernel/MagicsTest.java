package org.musicoder.kernel;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The magics through Jupyter's client ({@code src/test/python/magics.py}): every magic answers {@code --help},
 * errors are one line, completion of names, options, candidates, dataset clips and paths, and the results bound
 * to {@code features}, {@code masked}, {@code dataset}, {@code featuresTable} (frame count checked against
 * librosa's centred framing, the CFM budget against the paper's 15 %); {@code %features --all} over a folder with
 * a broken file draws its progress bar to the end and reports the failure in its row.
 */
class MagicsTest {
    @Test
    void magicsHelpErrorsCompletionAndBindings(@TempDir Path tmp) throws Exception {
        new Jupyter(tmp).unittest("magics", 9);
    }
}
