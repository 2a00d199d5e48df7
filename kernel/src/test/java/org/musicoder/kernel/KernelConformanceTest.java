package org.musicoder.kernel;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's jupyter_kernel_test (the Jupyter project's conformance suite) against the installed kernelspec, with
 * Java snippets: every one of its 12 tests runs (none skipped) and passes.
 */
class KernelConformanceTest {
    @Test
    void jupyterKernelTestSuitePasses(@TempDir Path tmp) throws Exception {
        new Jupyter(tmp).unittest("conformance", 12);
    }
}
