package org.musicoder.features;

/**
 * A sparse complex basis over the non-negative FFT bins of an {@code nFft}-point frame: row {@code k} holds the
 * values of bins {@code start[k] .. start[k] + re[k].length - 1} (zeros inside the range are stored as zeros).
 * Immutable once built.
 */
final class SparseBasis {
    final int nFft;
    /** Lowest and highest FFT bin any row touches. */
    final int minBin, maxBin;
    private final int[] start;
    private final double[][] re;
    private final double[][] im;

    SparseBasis(int nFft, int[] start, double[][] re, double[][] im) {
        this.nFft = nFft;
        this.start = start;
        this.re = re;
        this.im = im;
        int lo = nFft, hi = 0;
        for (int k = 0; k < start.length; k++) {
            lo = Math.min(lo, start[k]);
            hi = Math.max(hi, start[k] + re[k].length - 1);
        }
        this.minBin = lo;
        this.maxBin = hi;
    }

    /**
     * Magnitudes {@code |sum_j B[k, j] X[j]|} of every row against one frame's spectrum.
     *
     * @param xr  real parts of the frame's FFT bins, indexed from {@link #minBin} ({@code xr[j - minBin]})
     * @param xi  imaginary parts of the same bins
     * @param out receives row {@code k}'s magnitude at {@code out[k + offset][col]}
     */
    void magnitudes(double[] xr, double[] xi, double[][] out, int offset, int col) {
        for (int k = 0; k < start.length; k++) {
            double[] br = re[k], bi = im[k];
            int s = start[k] - minBin;
            double accR = 0, accI = 0;
            for (int i = 0; i < br.length; i++) {
                double ar = xr[s + i], ai = xi[s + i];
                accR += br[i] * ar - bi[i] * ai;
                accI += br[i] * ai + bi[i] * ar;
            }
            out[k + offset][col] = Math.sqrt(accR * accR + accI * accI);
        }
    }
}
