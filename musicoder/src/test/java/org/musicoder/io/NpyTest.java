package org.musicoder.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @Test
    void roundTripsFloat32Matrix(@TempDir Path dir) throws Exception {
        float[][] m = {{1f, 2f, 3f}, {-4f, 5.5f, Float.MIN_VALUE}};
        Path p = dir.resolve("m.npy");
        Npy.write(p, m);
        byte[] b = Files.readAllBytes(p);
        assertEquals(0, (b.length - 2 * 3 * 4) % 64, "header padded to 64 bytes");
        String header = new String(b, 10, b.length - 24, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(header.contains("'descr': '<f4'"), header);
        assertTrue(header.contains("'shape': (2, 3)"), header);
        Npy.Array a = Npy.read(p);
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(m[1], a.toFloat2d()[1]);
    }

    @Test
    void oneDimensionalShapeHasTrailingComma(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("v.npy");
        Npy.write(p, new float[] {1f, 2f}, 2);
        assertTrue(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1).contains("(2,)"));
        assertArrayEquals(new int[] {2}, Npy.read(p).shape());
    }
}
