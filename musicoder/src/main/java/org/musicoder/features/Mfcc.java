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
 *
 * <p>Computed {@value #BLOCK} frames at a time (logs, decibels and DCT of a block stay in cache); the clip's maximum
 * decibel value is that of its largest mel power. The DCT uses the matrix's symmetry between bands {@code m} and
 * {@code n_mels-1-m}, half the products of a plain matrix product, in float64.
 */
public final class Mfcc {
    /** {@code amin} of {@code power_to_db}. */
    public static final double AMIN = 1e-10;
    /** {@code top_db} of {@code power_to_db}. */
    public static final double TOP_DB = 80.0;
    private static final double DB_PER_NEPER = 10.0 / Math.log(10.0);
    /** Frames per block of the DCT (the folded decibels of a block stay in L1/L2). */
    private static final int BLOCK = 128;
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
        double floor = maxDecibels(mel) - TOP_DB;
        double[][] dct = dct(nMels, nMfcc);
        int frames = mel[0].length;
        int half = (nMels + 1) / 2;
        float[][] out = new float[nMfcc][frames];
        double[][] ln = new double[nMels][BLOCK];
        double[] wide = new double[BLOCK];
        // the DCT's symmetry: row j of the matrix at m and n_mels-1-m differs by (-1)^j, so even rows act on
        // db_m + db_{n-1-m} and odd rows on db_m - db_{n-1-m}, m < n_mels/2 (and the middle band once)
        double[][] even = new double[half][BLOCK];
        double[][] odd = new double[half][BLOCK];
        double[] dbLo = new double[BLOCK];
        double[] dbHi = new double[BLOCK];
        double[][] acc = new double[4][BLOCK];
        int[] rows = new int[4];
        for (int t0 = 0; t0 < frames; t0 += BLOCK) {
            int len = Math.min(BLOCK, frames - t0);
            for (int m = 0; m < nMels; m++) lnPower(mel[m], t0, len, wide, ln[m]);
            for (int m = 0; m < half; m++) {
                decibels(ln[m], len, floor, dbLo);
                double[] e = even[m], o = odd[m];
                if (m == nMels - 1 - m) {
                    System.arraycopy(dbLo, 0, e, 0, len);
                    Arrays.fill(o, 0, len, 0.0);
                    continue;
                }
                decibels(ln[nMels - 1 - m], len, floor, dbHi);
                for (int t = 0; t < len; t++) {
                    e[t] = dbLo[t] + dbHi[t];
                    o[t] = dbLo[t] - dbHi[t];
                }
            }
            // four coefficients of the same parity per pass over the folded decibels
            for (int parity = 0; parity < 2; parity++) {
                double[][] x = parity == 0 ? even : odd;
                for (int j0 = parity; j0 < nMfcc; j0 += 8) {
                    int nj = 0;
                    for (int j = j0; j < nMfcc && nj < 4; j += 2) rows[nj++] = j;
                    for (double[] a : acc) Arrays.fill(a, 0, len, 0.0);
                    double[] a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
                    for (int m = 0; m < half; m++) {
                        double d0 = -dct[rows[0]][m], d1 = nj > 1 ? -dct[rows[1]][m] : 0,
                                d2 = nj > 2 ? -dct[rows[2]][m] : 0, d3 = nj > 3 ? -dct[rows[3]][m] : 0;
                        double[] v = x[m];
                        for (int t = 0; t < len; t++) {   // subtractions of negated weights: see SparseRows
                            double vt = v[t];
                            a0[t] = a0[t] - d0 * vt;
                            a1[t] = a1[t] - d1 * vt;
                            a2[t] = a2[t] - d2 * vt;
                            a3[t] = a3[t] - d3 * vt;
                        }
                    }
                    for (int j = 0; j < nj; j++) {
                        float[] o = out[rows[j]];
                        double[] a = acc[j];
                        for (int t = 0; t < len; t++) o[t0 + t] = (float) a[t];
                    }
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
        double floor = maxDecibels(power) - TOP_DB;
        float[][] out = new float[power.length][];
        for (int m = 0; m < power.length; m++) {
            int n = power[m].length;
            double[] ln = new double[n];
            lnPower(power[m], 0, n, new double[n], ln);
            decibels(ln, n, floor, ln);
            out[m] = new float[n];
            for (int t = 0; t < n; t++) out[m][t] = (float) ln[t];
        }
        return out;
    }

    /**
     * The largest decibel value: {@code 10/ln 10 ln(max(amin, p))} of the largest power {@code p} (the same as the
     * largest of all values' decibels: the log and the scaling keep the order of distinct floats).
     */
    private static double maxDecibels(float[][] power) {
        float max = Float.NEGATIVE_INFINITY;
        for (float[] row : power)
            for (float v : row) max = Math.max(max, v);
        return DB_PER_NEPER * Ln.ln(Math.max(AMIN, max));
    }

    /** {@code ln[i] = ln(max(amin, p[from + i]))}, {@code i < len}; {@code wide} is scratch. */
    private static void lnPower(float[] p, int from, int len, double[] wide, double[] ln) {
        // two loops: a float->double conversion next to the log call runs ~3x slower on C2
        for (int i = 0; i < len; i++) wide[i] = Math.max(AMIN, p[from + i]);
        for (int i = 0; i < len; i++) ln[i] = Ln.ln(wide[i]);
    }

    /** {@code out[i] = max(10/ln 10 * ln[i], floor)}, {@code i < len} ({@code out} may be {@code ln}). */
    private static void decibels(double[] ln, int len, double floor, double[] out) {
        for (int i = 0; i < len; i++) out[i] = Math.max(DB_PER_NEPER * ln[i], floor);
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
