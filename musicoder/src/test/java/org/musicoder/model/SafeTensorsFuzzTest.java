package org.musicoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.musicoder.fuzz.FuzzFiles;

/**
 * Fuzz target of {@link SafeTensors#read} (docs/fuzzing.md): a file is read, each tensor with as many values as its
 * shape says, or refused with an {@link IOException} whose one-line message names the file and the reason; anything
 * else is a finding.
 */
@Timeout(10)
class SafeTensorsFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void read(byte[] data) {
        Path file = FuzzFiles.write("input.safetensors", data);
        try {
            SafeTensors.read(file).tensors().forEach((name, t) -> {
                long n = 1;
                for (long d : t.shape()) n *= d;
                assertEquals(n, t.data().length, name);
            });
        } catch (IOException e) {
            FuzzFiles.assertNamed(e, file);
        }
    }
}
