package org.musicoder.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte layout of the safetensors format (its specification), written and read. */
class SafeTensorsTest {
    @TempDir
    Path dir;

    @Test
    void layoutFollowsTheSpecification() throws IOException {
        Map<String, SafeTensors.Tensor> t = new LinkedHashMap<>();
        t.put("a.weight", new SafeTensors.Tensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f}));
        t.put("a.bias", new SafeTensors.Tensor(new long[] {2}, new float[] {0.25f, Float.MIN_VALUE}));
        Path p = dir.resolve("m.safetensors");
        SafeTensors.write(p, t, Map.of("format", "pt"));

        byte[] b = Files.readAllBytes(p);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long n = bb.getLong(0);
        assertEquals(0, (8 + n) % 8, "data start aligned to 8 bytes");
        String header = new String(b, 8, (int) n, StandardCharsets.UTF_8);
        assertEquals("{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"a.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                + "\"a.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]}}", header.strip());
        assertEquals(8 + n + 32, b.length);
        assertEquals(-6.5f, bb.getFloat((int) (8 + n + 20)));
        assertEquals(Float.MIN_VALUE, bb.getFloat((int) (8 + n + 28)));

        SafeTensors.Contents c = SafeTensors.read(p);
        assertEquals(Map.of("format", "pt"), c.metadata());
        assertEquals(t.keySet().stream().toList(), c.tensors().keySet().stream().toList());
        for (String k : t.keySet()) {
            assertArrayEquals(t.get(k).shape(), c.tensors().get(k).shape());
            assertArrayEquals(t.get(k).data(), c.tensors().get(k).data());
        }
        assertTrue(Files.list(dir).allMatch(f -> f.equals(p)), "no temporary file left");
    }

    @Test
    void badFilesNameTheFileAndReason() throws IOException {
        Path p = dir.resolve("x.safetensors");
        Files.write(p, new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> SafeTensors.read(p));
        assertTrue(e.getMessage().startsWith(p + ": not a float32 safetensors file"), e.getMessage());

        writeRaw(p, "{\"w\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4);
        e = assertThrows(IOException.class, () -> SafeTensors.read(p));
        assertTrue(e.getMessage().contains("w has dtype F16"), e.getMessage());

        writeRaw(p, "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]}}", 8);
        e = assertThrows(IOException.class, () -> SafeTensors.read(p));
        assertTrue(e.getMessage().contains("tensor w of shape [3]"), e.getMessage());
    }

    /** Fuzzing findings: members missing or of the wrong form gave a NullPointerException or an ArithmeticException. */
    @Test
    void malformedTensorEntriesNameTheFileAndReason() throws IOException {
        Path p = dir.resolve("m.safetensors");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", "tensor w has no data_offsets");
        cases.put("{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", "tensor w has no dtype");
        cases.put("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", "w has 1 data_offsets, expected 2");
        cases.put("{\"w\":{\"dtype\":\"F32\",\"shape\":[-1,-1],\"data_offsets\":[0,4]}}", "negative dimension -1");
        cases.put("{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,4294967296],\"data_offsets\":[0,4]}}",
                "do not fit its size");
        cases.put("{\"w\":{\"dtype\":\"F32\",\"shape\":[\"x\"],\"data_offsets\":[0,4]}}", "malformed header");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            writeRaw(p, c.getKey(), 4);
            IOException e = assertThrows(IOException.class, () -> SafeTensors.read(p), c.getKey());
            assertTrue(e.getMessage().startsWith(p + ": ") && e.getMessage().contains(c.getValue()), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    private static void writeRaw(Path p, String header, int dataBytes) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bb = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        bb.putLong(h.length).put(h);
        Files.write(p, Arrays.copyOf(bb.array(), bb.capacity()));
    }
}
