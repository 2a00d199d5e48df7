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
     * Magnitudes {@code |sum_j B[k, j] X[j]|} of every row against a block of frames' spectra.
     *
     * @param xr     real parts of the frames' FFT bins, {@code xr[j - minBin][f]} for bin {@code j} of frame
     *               {@code f}
     * @param xi     imaginary parts of the same bins
     * @param out    receives row {@code k}'s magnitude of frame {@code f} at {@code out[k + offset][col + f]}
     * @param offset first output row
     * @param col    output column of frame 0
     * @param count  frames to write
     */
    void magnitudes(double[][] xr, double[][] xi, double[][] out, int offset, int col, int count) {
        int width = xr[0].length;
        double[] accR = new double[width], accI = new double[width];
        for (int k = 0; k < start.length; k++) {
            double[] br = re[k], bi = im[k];
            int s = start[k] - minBin;
            java.util.Arrays.fill(accR, 0);
            java.util.Arrays.fill(accI, 0);
            for (int i = 0; i < br.length; i++) {
                double cr = br[i], ci = bi[i];
                double[] ar = xr[s + i], ai = xi[s + i];
                for (int f = 0; f < width; f++) {   // subtractions only: see FrameFft on C2 vectorization
                    accR[f] = accR[f] - (ci * ai[f] - cr * ar[f]);
                    accI[f] = accI[f] - (0.0 - cr * ai[f] - ci * ar[f]);
                }
            }
            double[] o = out[k + offset];
            for (int f = 0; f < count; f++) o[col + f] = Math.sqrt(accR[f] * accR[f] + accI[f] * accI[f]);
        }
    }
}
