package org.musicoder.pretrain;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.musicoder.fuzz.FuzzFiles;

/**
 * Fuzz target of {@link Checkpoint#load} (docs/fuzzing.md): a file is a checkpoint or is refused with an
 * {@link IOException} whose one-line message names the file and the reason; anything else is a finding.
 */
@Timeout(10)
class CheckpointFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void load(byte[] data) {
        Path file = FuzzFiles.write(Checkpoint.FILE, data);
        try {
            Checkpoint.load(file);
        } catch (IOException e) {
            FuzzFiles.assertNamed(e, file);
        }
    }
}
