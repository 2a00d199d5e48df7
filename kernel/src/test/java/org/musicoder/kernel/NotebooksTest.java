package org.musicoder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook of {@code notebooks/} executed headless by Jupyter's nbclient (Debian's python3-nbclient) with the
 * kernelspec installed into a temporary prefix, in one feature cache: no cell may produce an error output, and every
 * code cell must have run. The notebooks are committed without outputs.
 */
class NotebooksTest {
    static final Path NOTEBOOKS = Path.of("../notebooks").toAbsolutePath().normalize();

    @Test
    void everyNotebookRunsWithoutErrors(@TempDir Path tmp) throws Exception {
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(NOTEBOOKS)) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertEquals(5, notebooks.size(), () -> "notebooks: " + notebooks);
        Jupyter jupyter = new Jupyter(tmp);
        for (Path nb : notebooks) {
            assertTrue(committedWithoutOutputs(nb), nb + " is committed with outputs or execution counts");
            Path out = tmp.resolve(nb.getFileName());
            Jupyter.Result r = jupyter.python(Jupyter.PYTHON_DIR.resolve("run_notebook.py").toString(), nb.toString(), out.toString());
            assertEquals(0, r.exitCode(), () -> nb.getFileName() + ":\n" + r.output());
            for (JsonElement c : JsonParser.parseString(Files.readString(out)).getAsJsonObject().getAsJsonArray("cells")) {
                JsonObject cell = c.getAsJsonObject();
                if (cell.get("cell_type").getAsString().equals("code"))
                    assertTrue(cell.get("execution_count").isJsonPrimitive(), () -> nb.getFileName() + ": a code cell did not run: " + cell);
            }
        }
    }

    private static boolean committedWithoutOutputs(Path nb) throws IOException {
        for (JsonElement c : JsonParser.parseString(Files.readString(nb)).getAsJsonObject().getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) continue;
            if (cell.getAsJsonArray("outputs").size() > 0 || !cell.get("execution_count").isJsonNull()) return false;
        }
        return true;
    }
}
