package org.musicoder.kernel;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downstream magics through Jupyter's client ({@code src/test/python/downstream.py}): {@code %finetune} writes a
 * model folder and binds it, {@code %eval}'s accuracy, confusion matrix and tag AUCs equal scikit-learn's on the
 * model's own predictions and on NumPy-written files, {@code %tag}'s bars follow the probabilities and the folder
 * read back gives the same ones, {@code %table5} runs at a tiny scale, errors are one line, options complete, and an
 * interrupt stops fine-tuning.
 */
class DownstreamMagicsTest {
    @Test
    void downstreamMagics(@TempDir Path tmp) throws Exception {
        new Jupyter(tmp).unittest("downstream", 5);
    }
}
