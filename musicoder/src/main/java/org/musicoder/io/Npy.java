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

    /**
     * Reads a {@code .npy} file.
     *
     * @param path the file
     * @return its shape and values
     * @throws IOException as {@link #read(InputStream, String)}, the message starting with the path
     */
    public static Array read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /**
     * Reads a {@code .npy} stream. The data is read as it arrives, so a header claiming more than the stream holds
     * fails without allocating the claimed size.
     *
     * @param raw  the stream, positioned at the magic; read up to the end of the array's data
     * @param name the stream's name, used in error messages
     * @return its shape and values (C order)
     * @throws IOException if the stream cannot be read, ends early, or is not a supported {@code .npy} array
     *                     (bad magic or header, Fortran order, another dtype, a negative dimension, more than
     *                     2^31 - 9 data bytes); the one-line message is {@code "NAME: reason"}
     */
    public static Array read(InputStream raw, String name) throws IOException {
        try {
            return readArray(new DataInputStream(raw), name);
        } catch (EOFException e) {
            throw new IOException(name + ": ends early (truncated .npy header)", e);
        }
    }

    private static Array readArray(DataInputStream in, String name) throws IOException {
        byte[] magic = new byte[6];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) throw new IOException(name + ": not a .npy file (bad magic)");
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        int headerLen;
        if (major == 1) {
            headerLen = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        } else {
            headerLen = Integer.reverseBytes(in.readInt());
        }
        if (headerLen < 0 || headerLen > 1 << 20) throw new IOException(name + ": bad .npy header length " + headerLen);
        byte[] hb = new byte[headerLen];
        in.readFully(hb);
        String header = new String(hb, StandardCharsets.ISO_8859_1).strip();
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find())
            throw new IOException(name + ": unparsable .npy header: " + oneLine(header));
        if (f.group(1).equals("True")) throw new IOException(name + ": Fortran-order .npy is not supported");
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String dtype = d.group(2) + d.group(3);
        int size = switch (dtype) {
            case "f8", "i8" -> 8;
            case "f4", "i4" -> 4;
            case "i2" -> 2;
            case "i1", "u1", "b1" -> 1;
            default -> throw new IOException(name + ": unsupported .npy dtype " + oneLine(dtype));
        };
        int[] shape = shape(s.group(1), name);
        long n = 1;
        for (int dim : shape) {
            n *= dim;
            if (n * size > Integer.MAX_VALUE - 8)
                throw new IOException(name + ": array of shape " + Arrays.toString(shape) + " is too large");
        }
        byte[] body = in.readNBytes((int) (n * size));
        if (body.length < n * size)
            throw new IOException(name + ": ends early (" + body.length + " of " + n * size + " data bytes)");
        ByteBuffer bb = ByteBuffer.wrap(body).order(order);
        double[] data = new double[(int) n];
        for (int i = 0; i < n; i++) {
            data[i] = switch (dtype) {
                case "f4" -> bb.getFloat();
                case "f8" -> bb.getDouble();
                case "i2" -> bb.getShort();
                case "i4" -> bb.getInt();
                case "i8" -> bb.getLong();
                case "u1", "b1" -> Byte.toUnsignedInt(bb.get());
                default -> bb.get();
            };
        }
        return new Array(shape, data);
    }

    /** The dimensions of a shape tuple's inside ({@code "3, 4"}, {@code "5,"} or empty). */
    private static int[] shape(String tuple, String name) throws IOException {
        String[] dims = tuple.split(",", -1);
        int k = dims.length > 0 && dims[dims.length - 1].isBlank() ? dims.length - 1 : dims.length;
        int[] shape = new int[k];
        for (int i = 0; i < k; i++) {
            String dim = dims[i].strip();
            try {
                shape[i] = Integer.parseInt(dim);
            } catch (NumberFormatException e) {
                shape[i] = -1;
            }
            if (shape[i] < 0 || !dim.matches("\\d+"))
                throw new IOException(name + ": bad .npy shape (" + oneLine(tuple) + ")");
        }
        return shape;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
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
