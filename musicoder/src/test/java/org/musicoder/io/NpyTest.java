package org.musicoder.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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

    /** Fuzzing finding: a stream cut short gave an {@code EOFException} without the name or the reason. */
    @Test
    void truncatedStreamIsRefusedWithItsName() {
        byte[] cut = {(byte) 0x93, 'N', 'U', 'M'};
        IOException e = assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(cut), "cut.npy"));
        assertEquals("cut.npy: ends early (truncated .npy header)", e.getMessage());
    }

    /** Fuzzing: a header claiming 2^30 float64 values is refused after the bytes present, without allocating 8 GB. */
    @Test
    void claimedSizeBeyondTheDataIsRefusedWithoutAllocatingIt() {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1024, 1024, 256), }";
        IOException e = assertThrows(IOException.class, () -> Npy.read(stream(header, 16), "big.npy"));
        assertEquals("big.npy: array of shape [1024, 1024, 256] is too large", e.getMessage());
        String fits = "{'descr': '<f4', 'fortran_order': False, 'shape': (100000000,), }";
        e = assertThrows(IOException.class, () -> Npy.read(stream(fits, 16), "short.npy"));
        assertEquals("short.npy: ends early (16 of 400000000 data bytes)", e.getMessage());
    }

    /** Fuzzing findings: a negative or non-numeric dimension gave a NegativeArraySize or NumberFormatException. */
    @Test
    void badShapeIsRefusedWithItsName() {
        for (String shape : new String[] {"(-2, 3)", "(2, x)", "(99999999999,)"}) {
            String header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
            IOException e = assertThrows(IOException.class, () -> Npy.read(stream(header, 0), "bad.npy"));
            assertTrue(e.getMessage().startsWith("bad.npy: bad .npy shape"), e.getMessage());
        }
    }

    /** A version 1.0 stream with {@code header} (padded, newline-terminated) and {@code dataBytes} zero bytes. */
    private static ByteArrayInputStream stream(String header, int dataBytes) {
        byte[] h = (header + " ".repeat(63 - (10 + header.length()) % 64) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length).put(h);
        return new ByteArrayInputStream(b.array());
    }
}
