package org.musicoder.kernel;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through Jupyter's own client ({@code src/test/python/resume.py}): a kernel killed with SIGKILL during
 * {@code %pretrain --out DIR} leaves a folder from which a new kernel's {@code %pretrain --resume} trains the same
 * losses and weights as an uninterrupted run; a run folder is never overwritten; a corrupt checkpoint or model
 * folder gives {@code %pretrain --resume} and {@code %tag} one line naming the file, and changes no file.
 */
class KernelResumeTest {
    @Test
    void killedRunsResumeAndCorruptFoldersGiveOneLine(@TempDir Path tmp) throws Exception {
        new Jupyter(tmp).unittest("resume", 4);
    }
}
