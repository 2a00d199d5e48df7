package org.musicoder.kernel;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notebooks/01-quickstart.ipynb} executed headless by nbclient with the installed kernelspec, no error output. */
class NotebooksTest {
    @Test
    void quickstartNotebookRuns(@TempDir Path tmp) throws Exception {
        new Jupyter(tmp).unittest("notebooks", 1);
    }
}
