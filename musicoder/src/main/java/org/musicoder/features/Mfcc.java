package org.musicoder.features;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mel-frequency cepstral coefficients from a mel power spectrogram, as {@code librosa.feature.mfcc(S=
 * power_to_db(mel, ref=1.0, amin=1e-10, top_db=80), n_mfcc, dct_type=2, norm='ortho', lifter=0)}.
 *
 * <p>Decibels: {@code 10 log10(max(1e-10, M))}, then floored at (the maximum over the whole clip, all bands and
 * frames) minus 80 dB. Cepstrum: orthonormal DCT-II over the mel axis, {@code c_j = s_j sum_m db_m
 * cos(pi j (2m + 1) / (2 n_mels))} with {@code s_0 = sqrt(1/n_mels)}, {@code s_j = sqrt(2/n_mels)}; the first
 * {@code n_mfcc} are kept. The DCT matrix is cached per (n_mels, n_mfcc).
 */
public final class Mfcc {
    /** {@code amin} of {@code power_to_db}. */
    public static final double AMIN = 1e-10;
    /** {@code top_db} of {@code power_to_db}. */
    public static final double TOP_DB = 80.0;
    private static final double DB_PER_NEPER = 10.0 / Math.log(10.0);
    private static final int BLOCK = 256;
    private static final ConcurrentHashMap<Long, double[][]> DCT = new ConcurrentHashMap<>();

    private Mfcc() {}

    /**
     * MFCCs of a mel power spectrogram.
     *
     * @param mel   mel power, shape {@code [n_mels][frames]} (from {@link MelFilterbank#apply})
     * @param nMfcc coefficients to keep, {@code 1..n_mels}
     * @return MFCCs, shape {@code [nMfcc][frames]}
     */
    public static float[][] fromMelPower(float[][] mel, int nMfcc) {
        int nMels = mel.length;
        if (nMfcc < 1 || nMfcc > nMels)
            throw new IllegalArgumentException("Mfcc: n_mfcc must be in 1.." + nMels + ", got " + nMfcc);
        double[][] db = decibels(mel);
        double[][] dct = dct(nMels, nMfcc);
        int frames = mel[0].length;
        float[][] out = new float[nMfcc][frames];
        double[][] acc = new double[4][BLOCK];
        for (int t0 = 0; t0 < frames; t0 += BLOCK) {
            int len = Math.min(BLOCK, frames - t0);
            // four coefficients per pass over the decibels (each row is loaded once for four products)
            for (int j0 = 0; j0 < nMfcc; j0 += 4) {
                int nj = Math.min(4, nMfcc - j0);
                for (double[] a : acc) Arrays.fill(a, 0.0);
                double[] a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
                for (int m = 0; m < nMels; m++) {
                    double d0 = dct[j0][m], d1 = nj > 1 ? dct[j0 + 1][m] : 0, d2 = nj > 2 ? dct[j0 + 2][m] : 0,
                            d3 = nj > 3 ? dct[j0 + 3][m] : 0;
                    double[] x = db[m];
                    for (int t = 0; t < len; t++) {
                        double v = x[t0 + t];
                        a0[t] += d0 * v;
                        a1[t] += d1 * v;
                        a2[t] += d2 * v;
                        a3[t] += d3 * v;
                    }
                }
                for (int j = 0; j < nj; j++) {
                    float[] o = out[j0 + j];
                    double[] a = acc[j];
                    for (int t = 0; t < len; t++) o[t0 + t] = (float) a[t];
                }
            }
        }
        return out;
    }

    /**
     * {@code power_to_db(S, ref=1.0, amin=1e-10, top_db=80)}.
     *
     * @param power nonnegative power values, any shape {@code [rows][cols]}
     * @return decibels, same shape, floored at the overall maximum minus 80 dB
     */
    public static float[][] powerToDb(float[][] power) {
        double[][] db = decibels(power);
        float[][] out = new float[db.length][];
        for (int m = 0; m < db.length; m++) {
            out[m] = new float[db[m].length];
            for (int t = 0; t < db[m].length; t++) out[m][t] = (float) db[m][t];
        }
        return out;
    }

    private static double[][] decibels(float[][] power) {
        double[][] db = new double[power.length][];
        double max = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < power.length; m++) {
            float[] p = power[m];
            double[] d = new double[p.length];
            // two loops: a float->double conversion next to the log call runs ~3x slower on C2
            for (int t = 0; t < p.length; t++) d[t] = Math.max(AMIN, p[t]);
            for (int t = 0; t < p.length; t++) d[t] = DB_PER_NEPER * Ln.ln(d[t]);
            for (double v : d) max = Math.max(max, v);
            db[m] = d;
        }
        double floor = max - TOP_DB;
        for (double[] d : db)
            for (int t = 0; t < d.length; t++) d[t] = Math.max(d[t], floor);
        return db;
    }

    private static double[][] dct(int nMels, int nMfcc) {
        return DCT.computeIfAbsent(((long) nMels << 32) | nMfcc, key -> {
            double[][] d = new double[nMfcc][nMels];
            for (int j = 0; j < nMfcc; j++) {
                double s = Math.sqrt((j == 0 ? 1.0 : 2.0) / nMels);
                for (int m = 0; m < nMels; m++) d[j][m] = s * Math.cos(Math.PI * j * (2 * m + 1) / (2.0 * nMels));
            }
            return d;
        });
    }
}
