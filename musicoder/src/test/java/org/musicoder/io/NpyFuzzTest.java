package org.musicoder.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Timeout;
import org.musicoder.fuzz.FuzzFiles;

/**
 * Fuzz target of {@link Npy#read(java.io.InputStream, String)} (docs/fuzzing.md): an input is read, with as many
 * values as its shape says, or refused with an {@link IOException} whose one-line message names the stream and the
 * reason; anything else is a finding.
 */
@Timeout(10)
class NpyFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void read(byte[] data) {
        try {
            Npy.Array a = Npy.read(new ByteArrayInputStream(data), "input.npy");
            long n = 1;
            for (int d : a.shape()) n *= d;
            assertEquals(n, a.data().length, "values for the shape");
        } catch (IOException e) {
            FuzzFiles.assertNamed(e, "input.npy");
        }
    }
}
