package org.musicoder.io;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files (format version 1.0/2.0/3.0), little- or big-endian {@code f4}, {@code f8},
 * {@code i2}, {@code i4}, {@code i8}, and {@code i1}, {@code u1}, {@code b1} (bool, read as 0/1), C order. Values are read into a flat {@code double[]} in C order;
 * writing produces version 1.0, little-endian, C order.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** An array read from a {@code .npy} file: its shape and its values in C order. */
    public record Array(int[] shape, double[] data) {
        /** Number of rows (shape[0]); 1 for a 0-d array. */
        public int rows() {
            return shape.length == 0 ? 1 : shape[0];
        }

        /** Row length (product of shape[1:]). */
        public int cols() {
            int c = 1;
            for (int i = 1; i < shape.length; i++) c *= shape[i];
            return c;
        }

        /** Values as a float matrix {@code [rows][cols]}. */
        public float[][] toFloat2d() {
            float[][] m = new float[rows()][cols()];
            for (int r = 0; r < m.length; r++)
                for (int c = 0; c < m[r].length; c++) m[r][c] = (float) data[r * m[r].length + c];
            return m;
        }

        /** Values as a flat float array. */
        public float[] toFloat() {
            float[] f = new float[data.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) data[i];
            return f;
        }
    }

    private Npy() {}

    /** Reads a {@code .npy} file. */
    public static Array read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /** Reads a {@code .npy} stream; {@code name} is used in error messages. */
    public static Array read(InputStream raw, String name) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] magic = new byte[6];
        readFully(in, magic, name, "its magic string");
        if (!Arrays.equals(magic, MAGIC)) throw new IOException(name + ": not a .npy file (bad magic)");
        byte[] version = new byte[2];
        readFully(in, version, name, "its version");
        byte[] len = new byte[version[0] == 1 ? 2 : 4];
        readFully(in, len, name, "its header length");
        ByteBuffer lb = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = len.length == 2 ? Short.toUnsignedInt(lb.getShort()) : lb.getInt();
        if (headerLen < 0 || headerLen > 1 << 20) throw new IOException(name + ": bad .npy header length");
        byte[] hb = new byte[headerLen];
        readFully(in, hb, name, "its " + headerLen + "-byte header");
        String header = new String(hb, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) throw new IOException(name + ": unparsable .npy header: " + header);
        if (f.group(1).equals("True")) throw new IOException(name + ": Fortran-order .npy is not supported");
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        char kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        String[] dims = s.group(1).split(",");
        int[] shape = Arrays.stream(dims).map(String::trim).filter(x -> !x.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        long n = 1;
        for (int dim : shape) n *= dim;
        if (n * size > Integer.MAX_VALUE - 8) throw new IOException(name + ": array too large");
        byte[] body = new byte[(int) (n * size)];
        readFully(in, body, name, "its data (shape " + Arrays.toString(shape) + " of " + kind + size + " is "
                + body.length + " bytes)");
        ByteBuffer bb = ByteBuffer.wrap(body).order(order);
        double[] data = new double[(int) n];
        for (int i = 0; i < n; i++) {
            data[i] = switch (kind + "" + size) {
                case "f4" -> bb.getFloat();
                case "f8" -> bb.getDouble();
                case "i2" -> bb.getShort();
                case "i4" -> bb.getInt();
                case "i8" -> bb.getLong();
                case "u1", "b1" -> Byte.toUnsignedInt(bb.get());
                case "i1" -> bb.get();
                default -> throw new IOException(name + ": unsupported .npy dtype " + kind + size);
            };
        }
        return new Array(shape, data);
    }

    private static void readFully(DataInputStream in, byte[] b, String name, String what) throws IOException {
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw new IOException(name + ": truncated .npy file: it ends inside " + what);
        }
    }

    /** Writes a float32 matrix {@code rows x cols} (little-endian, C order). */
    public static void write(Path path, float[][] m) throws IOException {
        int cols = m.length == 0 ? 0 : m[0].length;
        float[] flat = new float[m.length * cols];
        for (int r = 0; r < m.length; r++) System.arraycopy(m[r], 0, flat, r * cols, cols);
        write(path, flat, m.length, cols);
    }

    /**
     * Writes a float32 matrix so that a reader never sees a partial file: a temp file in the same folder, then an
     * atomic rename over {@code target}.
     */
    public static void writeAtomically(Path target, float[][] m) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            write(tmp, m);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a flat float32 array with the given shape (little-endian, C order). */
    public static void write(Path path, float[] data, int... shape) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            write(out, data, shape);
        }
    }

    /** Writes a flat float32 array with the given shape to a stream. */
    public static void write(OutputStream out, float[] data, int... shape) throws IOException {
        long n = 1;
        for (int d : shape) n *= d;
        if (n != data.length) throw new IllegalArgumentException("shape does not match data length");
        out.write(header("<f4", shape));
        ByteBuffer bb = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(data);
        out.write(bb.array());
    }

    /** Writes a flat float64 array with the given shape (little-endian, C order). */
    public static void write(Path path, double[] data, int... shape) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            out.write(header("<f8", shape));
            ByteBuffer bb = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            bb.asDoubleBuffer().put(data);
            out.write(bb.array());
        }
    }

    private static byte[] header(String descr, int[] shape) {
        StringBuilder sh = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sh.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) sh.append(shape.length == 1 ? "," : ", ");
        }
        sh.append(')');
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + sh + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String h = dict + " ".repeat(pad) + "\n";
        ByteBuffer bb = ByteBuffer.allocate(10 + h.length()).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length());
        bb.put(h.getBytes(StandardCharsets.ISO_8859_1));
        return bb.array();
    }
}
