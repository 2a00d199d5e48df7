package org.musicoder.features;

/**
 * A double-precision work area of {@link FrameFft}: {@code width} real frames of {@code n} samples transformed
 * at once, in the same index-major, frame-minor layout and with the same butterfly schedule ({@link FftLanes}) as
 * {@link FrameFft.Batch}, in {@code double[width]} rows (half as many SIMD lanes as floats). For transforms whose
 * accuracy matters beyond single precision, e.g. the CQT, whose log magnitudes of quiet bins next to loud ones
 * show a float FFT's noise. Typical use:
 * <pre>
 * FrameFftDouble b = FrameFft.of(n).doubleBatch(64);   // one thread at a time; reuse for every block
 * b.frames(y, start, hop, count);                      // lane f = y[start + f*hop ..][0, n)
 * b.transform();
 * b.bin(k, re, im);                                    // re[f] + i im[f] = X_k of frame f, k = 0..n/2
 * </pre>
 * Units as {@link FrameFft}: {@code X_k = sum_{j<n} x_j exp(-2 pi i j k / n)} (numpy's {@code rfft}).
 * Allocates nothing after its creation.
 */
public final class FrameFftDouble extends FftLanes {
    private final FrameFft plan;
    private final int n;
    /** Input as {@code x_{2j} + i x_{2j+1}} in rows {@code j < m}; overwritten by the complex FFT. */
    private final double[][] zr;
    private final double[][] zi;

    FrameFftDouble(FrameFft plan, int width) {
        super(plan, width, 2 * Double.BYTES);
        this.plan = plan;
        this.n = plan.size();
        zr = new double[m][width];
        zi = new double[m][width];
    }

    /**
     * Loads {@code count} frames (rectangular window) into lanes {@code 0..count-1}: lane {@code f} gets
     * {@code src[off + f * hop + j]}, {@code j < n}. Other lanes keep their contents (stale lanes are transformed
     * too, harmlessly: lanes never mix).
     *
     * @param src   samples; all {@code count} frames must lie inside it
     * @param off   first sample of the first frame
     * @param hop   samples between frame starts, {@code >= 1}
     * @param count frames, {@code 1 <= count <= width}
     */
    public void frames(float[] src, int off, int hop, int count) {
        if (count < 1 || count > width || hop < 1)
            throw new IllegalArgumentException("FrameFftDouble: need 1 <= count <= " + width + " and hop >= 1, got "
                    + count + " frames at hop " + hop);
        long end = off + (count - 1) * (long) hop + n;
        if (off < 0 || end > src.length)
            throw new IndexOutOfBoundsException("FrameFftDouble: samples [" + off + ", " + end
                    + ") outside a signal of " + src.length);
        // frames overlap when the hop is even and shorter than a frame: row j of frame f is row j + hop/2 of
        // frame f - 1, so only the last hop/2 rows are gathered from src, the others are copies shifted by a lane
        int shift = hop % 2 == 0 && hop / 2 < m ? hop / 2 : m;
        for (int j = m - shift; j < m; j++) {
            double[] re = zr[j], im = zi[j];
            int p = off + 2 * j;
            for (int f = 0; f < count; f++, p += hop) {
                re[f] = src[p];
                im[f] = src[p + 1];
            }
        }
        for (int j = m - shift - 1; j >= 0; j--) {
            zr[j][0] = src[off + 2 * j];
            zi[j][0] = src[off + 2 * j + 1];
            System.arraycopy(zr[j + shift], 0, zr[j], 1, count - 1);
            System.arraycopy(zi[j + shift], 0, zi[j], 1, count - 1);
        }
    }

    /**
     * Bin {@code k} of every lane, after {@link #transform}: {@code re[f] + i im[f] = X_k} of frame {@code f}.
     *
     * @param k  bin, {@code 0 <= k <= n/2}
     * @param re receives the real parts, {@code >= width} values
     * @param im receives the imaginary parts, {@code >= width} values
     */
    public void bin(int k, double[] re, double[] im) {
        if (k < 0 || k > m) throw new IndexOutOfBoundsException("FrameFftDouble: bin " + k + " outside [0, " + m + "]");
        if (re.length < width || im.length < width)
            throw new IllegalArgumentException("FrameFftDouble: bin rows need " + width + " values");
        if (k == 0 || k == m) {
            double[] z0r = zr[0], z0i = zi[0];
            double sign = k == 0 ? 1 : -1;
            for (int f = 0; f < width; f++) {
                re[f] = z0r[f] + sign * z0i[f];
                im[f] = 0;
            }
            return;
        }
        // X_k = E_k + W_n^k O_k from the half-size spectrum's bins k and m - k
        double[] ar = zr[plan.rev[k]], ai = zi[plan.rev[k]], cr = zr[plan.rev[m - k]], ci = zi[plan.rev[m - k]];
        double hs = plan.halfSin[k], nhc = -plan.halfCos[k], nhs = -hs;
        for (int f = 0; f < width; f++) {
            double sr = ar[f] + cr[f], di = ai[f] - ci[f];
            double si = ai[f] + ci[f], dr = cr[f] - ar[f];
            re[f] = 0.5 * sr - nhc * si - nhs * dr;
            im[f] = 0.5 * di - nhc * dr - hs * si;
        }
    }

    @Override
    void sumDiff(int a, int b) {
        double[] ar = zr[a], ai = zi[a], br = zr[b], bi = zi[b];
        for (int f = 0; f < width; f++) {
            double xr = ar[f], xi = ai[f], yr = br[f], yi = bi[f];
            ar[f] = xr + yr;
            ai[f] = xi + yi;
            br[f] = xr - yr;
            bi[f] = xi - yi;
        }
    }

    @Override
    void sumDiffTimesMinusI(int a, int b) {
        double[] ar = zr[a], ai = zi[a], br = zr[b], bi = zi[b];
        for (int f = 0; f < width; f++) {
            double xr = ar[f], xi = ai[f], yr = br[f], yi = bi[f];
            ar[f] = xr + yr;
            ai[f] = xi + yi;
            br[f] = xi - yi;
            bi[f] = yr - xr;
        }
    }

    @Override
    void sumDiffTwiddle(int a, int b, double c, double s) {
        double[] ar = zr[a], ai = zi[a], br = zr[b], bi = zi[b];
        double ns = -s;
        for (int f = 0; f < width; f++) {
            double xr = ar[f], xi = ai[f], yr = br[f], yi = bi[f];
            ar[f] = xr + yr;
            ai[f] = xi + yi;
            double dr = xr - yr, di = xi - yi;
            br[f] = dr * c - di * ns;
            bi[f] = di * c - dr * s;
        }
    }

    @Override
    void sumDiffTwiddle2(int a, int b, double c1, double s1, double c3, double s3) {
        double[] ar = zr[a], ai = zi[a], br = zr[b], bi = zi[b];
        double ns1 = -s1, ns3 = -s3;
        for (int f = 0; f < width; f++) {
            double xr = ar[f], xi = ai[f], yr = br[f], yi = bi[f];
            double ur = xr + yr, ui = xi + yi;
            double dr = xr - yr, di = xi - yi;
            ar[f] = ur * c1 - ui * ns1;
            ai[f] = ui * c1 - ur * s1;
            br[f] = dr * c3 - di * ns3;
            bi[f] = di * c3 - dr * s3;
        }
    }
}
