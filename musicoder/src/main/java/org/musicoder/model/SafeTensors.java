package org.musicoder.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code safetensors} file format, float32 tensors only:
 * <pre>
 *   8 bytes    N, the header length (unsigned little-endian 64-bit)
 *   N bytes    UTF-8 JSON: {"__metadata__": {string: string}, NAME: {"dtype": "F32", "shape": [..],
 *              "data_offsets": [BEGIN, END]}, ...}, padded with spaces to a multiple of 8 bytes
 *   ...        the tensors' bytes: little-endian, C order; BEGIN/END are relative to the end of the header
 * </pre>
 * Written in the given order, back to back.
 */
public final class SafeTensors {
    private static final long MAX_HEADER = 100L << 20;

    private SafeTensors() {}

    /**
     * A float32 tensor.
     *
     * @param shape its shape (empty for a scalar)
     * @param data its values in C order, {@code product(shape)} of them
     */
    public record Tensor(long[] shape, float[] data) {
        /** Checks that the data fit the shape. */
        public Tensor {
            if (Arrays.stream(shape).reduce(1, Math::multiplyExact) != data.length)
                throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " holds " + data.length + " values");
        }
    }

    /**
     * What a file holds.
     *
     * @param tensors the tensors by name, in file order
     * @param metadata the {@code __metadata__} strings (empty if absent)
     */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    /**
     * Writes tensors and metadata, through a temporary file in the same folder renamed into place, so the
     * target is either the old file or the complete new one.
     *
     * @param path the file to write
     * @param tensors tensors by name, written in the map's order
     * @param metadata strings for {@code __metadata__}
     * @throws IOException if the file cannot be written
     */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        JsonObject header = new JsonObject();
        JsonObject meta = new JsonObject();
        metadata.forEach(meta::addProperty);
        header.add("__metadata__", meta);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals("__metadata__")) throw new IllegalArgumentException("tensor name __metadata__ is reserved");
            JsonObject t = new JsonObject();
            t.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (long d : e.getValue().shape()) shape.add(d);
            t.add("shape", shape);
            long end = offset + 4L * e.getValue().data().length;
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(end);
            t.add("data_offsets", offsets);
            header.add(e.getKey(), t);
            offset = end;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) head.put((byte) ' ');
        head.flip();

        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, head);
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                float[] d = t.data();
                for (int i = 0; i < d.length; ) {
                    int n = Math.min(d.length - i, buf.capacity() / 4);
                    buf.clear();
                    buf.asFloatBuffer().put(d, i, n);
                    buf.limit(4 * n);
                    writeFully(ch, buf);
                    i += n;
                }
            }
            ch.force(true);
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a file written by {@link #write} or by the {@code safetensors} library (F32 tensors only).
     *
     * @param path the file
     * @return its tensors and metadata
     * @throws IOException if it cannot be read or is not a valid float32 safetensors file (the message names
     *     the file and the reason)
     */
    public static Contents read(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) throw bad(path, "shorter than the 8-byte header length");
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0, path);
            long n = lenBuf.getLong(0);
            if (n < 2 || n > MAX_HEADER || 8 + n > size) throw bad(path, "header length " + n + " does not fit the file of " + size + " bytes");
            ByteBuffer hb = ByteBuffer.allocate((int) n);
            readFully(ch, hb, 8, path);
            JsonObject header;
            try {
                header = JsonParser.parseString(new String(hb.array(), StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (RuntimeException e) {
                String why = String.valueOf(e.getMessage());
                throw bad(path, "header is not a JSON object (" + why.lines().findFirst().orElse(why) + ")");
            }
            long dataStart = 8 + n;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : header.entrySet()) {
                if (e.getKey().equals("__metadata__")) {
                    for (Map.Entry<String, JsonElement> m : e.getValue().getAsJsonObject().entrySet())
                        metadata.put(m.getKey(), m.getValue().getAsString());
                } else {
                    tensors.put(e.getKey(), readTensor(ch, path, e.getKey(), e.getValue().getAsJsonObject(), dataStart, size));
                }
            }
            return new Contents(tensors, metadata);
        } catch (IllegalStateException | ClassCastException | UnsupportedOperationException | NumberFormatException e) {
            throw bad(path, "malformed header (" + e + ")");
        }
    }

    private static Tensor readTensor(FileChannel ch, Path path, String name, JsonObject t, long dataStart, long size)
            throws IOException {
        String dtype = member(t, "dtype", path, name).getAsString();
        if (!dtype.equals("F32")) throw bad(path, "tensor " + name + " has dtype " + dtype + ", only F32 is supported");
        JsonArray s = member(t, "shape", path, name).getAsJsonArray();
        JsonArray off = member(t, "data_offsets", path, name).getAsJsonArray();
        if (off.size() != 2) throw bad(path, "tensor " + name + " has " + off.size() + " data_offsets, expected 2");
        long[] shape = new long[s.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = s.get(i).getAsLong();
            if (shape[i] < 0) throw bad(path, "tensor " + name + " has a negative dimension " + shape[i]);
            count = shape[i] == 0 || count == 0 ? 0 : count > Integer.MAX_VALUE / shape[i] ? Integer.MAX_VALUE + 1L
                    : count * shape[i];
        }
        long begin = off.get(0).getAsLong();
        long end = off.get(1).getAsLong();
        if (count > Integer.MAX_VALUE || begin < 0 || end - begin != 4 * count || dataStart + end > size)
            throw bad(path, "tensor " + name + " of shape " + Arrays.toString(shape) + " has data_offsets ["
                    + begin + ", " + end + "] that do not fit its size or the file");
        ByteBuffer b = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, b, dataStart + begin, path);
        float[] data = new float[(int) count];
        b.asFloatBuffer().get(data);
        return new Tensor(shape, data);
    }

    private static JsonElement member(JsonObject t, String key, Path path, String name) throws IOException {
        JsonElement e = t.get(key);
        if (e == null || e.isJsonNull()) throw bad(path, "tensor " + name + " has no " + key);
        return e;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos, Path path) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, pos);
            if (r < 0) throw bad(path, "ends early");
            pos += r;
        }
        b.flip();
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    private static IOException bad(Path path, String why) {
        return new IOException(path + ": not a float32 safetensors file: " + why.replace('\n', ' '));
    }
}
