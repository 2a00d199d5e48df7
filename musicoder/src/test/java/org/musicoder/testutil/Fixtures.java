package org.musicoder.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.musicoder.io.Npy;

/** Loads test fixtures from {@code src/test/resources/fixtures} and compares signals. */
public final class Fixtures {
    private Fixtures() {}

    /** Reads {@code fixtures/<path>} (a .npy file). */
    public static Npy.Array npy(String path) throws IOException {
        try (InputStream in = open(path)) {
            return Npy.read(in, path);
        }
    }

    /** Reads {@code fixtures/<path>}, a 16-bit PCM mono WAV, as floats {@code sample / 32768}. */
    public static float[] wavMono16(String path) throws IOException {
        byte[] b;
        try (InputStream in = open(path)) {
            b = in.readAllBytes();
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= b.length) {
            String id = new String(b, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = bb.getInt(pos + 4);
            if (id.equals("fmt ")) {
                if (bb.getShort(pos + 8) != 1 || bb.getShort(pos + 10) != 1 || bb.getShort(pos + 22) != 16)
                    throw new IOException(path + ": not 16-bit PCM mono");
            } else if (id.equals("data")) {
                float[] y = new float[size / 2];
                for (int i = 0; i < y.length; i++) y[i] = bb.getShort(pos + 8 + 2 * i) / 32768f;
                return y;
            }
            pos += 8 + size + (size & 1);
        }
        throw new IOException(path + ": no data chunk");
    }

    /** Signal-to-noise ratio of {@code test} against {@code ref} over their common length, in dB. */
    public static double snrDb(float[] ref, float[] test) {
        int n = Math.min(ref.length, test.length);
        double s = 0, e = 0;
        for (int i = 0; i < n; i++) {
            s += (double) ref[i] * ref[i];
            double d = (double) ref[i] - test[i];
            e += d * d;
        }
        return 10 * Math.log10(s / e);
    }

    private static InputStream open(String path) throws IOException {
        InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path);
        if (in == null) throw new IOException("fixture not found: " + path);
        return in;
    }
}
