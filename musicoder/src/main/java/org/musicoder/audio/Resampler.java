package org.musicoder.audio;

/**
 * Band-limited resampling matching {@code librosa.resample(y, orig_sr, target_sr, res_type='soxr_hq')}.
 *
 * <p>A linear-phase, zero-delay windowed-sinc filter ({@link SincKernel}: soxr HQ's response, passband flat to
 * ~0.91 of the lower Nyquist frequency, cutoff at the lower Nyquist frequency, ~120 dB stopband). The rate ratio is
 * reduced by the gcd to {@code up / down}; integer decimation ({@code up == 1}) and integer upsampling
 * ({@code down == 1}) run as FFT overlap-save ({@link HalfRateDecimator} for 2:1, {@link FftDecimator},
 * {@link FftInterpolator}), every other ratio as a polyphase FIR ({@link PolyphaseResampler}). Decimation by
 * {@code 2^k >= 4} runs in soxr's stages: {@code k - 1} half-band stages ({@link HalfBandDecimator}), then 2:1. The
 * signal is taken as zero outside its samples. Like soxr, only the first {@code round(n * target / orig)} output
 * samples carry signal; like librosa, the output is zero-padded to {@code ceil(n * target / orig)} samples
 * (computed in double precision as librosa does, so 44100 samples at 44100 -> 48000 Hz give 48001).
 */
public final class Resampler {
    private Resampler() {}

    /**
     * Resamples {@code y} from {@code origSr} to {@code targetSr} Hz.
     *
     * @param y        mono waveform at {@code origSr}, any length (0 gives an empty result)
     * @param origSr   sample rate of {@code y} (Hz, > 0)
     * @param targetSr output sample rate (Hz, > 0)
     * @param scale    if true, divide the output by sqrt(targetSr / origSr) (librosa's {@code scale=True}, which
     *                 keeps the total energy)
     * @return {@code ceil(y.length * targetSr / origSr)} samples at {@code targetSr}; a copy of {@code y} if
     *         the rates are equal
     * @throws IllegalArgumentException if a rate is not positive
     */
    public static float[] resample(float[] y, int origSr, int targetSr, boolean scale) {
        if (origSr <= 0 || targetSr <= 0)
            throw new IllegalArgumentException("Resampler: sample rates must be positive, got " + origSr
                    + " -> " + targetSr);
        if (origSr == targetSr) return y.clone();
        long g = gcd(origSr, targetSr);
        int up = (int) (targetSr / g), down = (int) (origSr / g);
        long n = y.length;
        int nOut = (int) Math.ceil(n * ((double) targetSr / origSr));
        int nValid = (int) ((2 * n * up + down) / (2L * down));
        float[] out = new float[nOut];
        if (up == 1 && down >= 4 && Integer.bitCount(down) == 1) {
            float[] half = y;
            for (int f = down; f > 2; f /= 2) half = HalfBandDecimator.decimate(half);
            HalfRateDecimator.of(down).decimate(half, out, nValid);
        } else if (up == 1 && down == 2) {
            HalfRateDecimator.of(2).decimate(y, out, nValid);
        } else if (up == 1) {
            FftDecimator.of(down).decimate(y, out, nValid);
        } else if (down == 1) {
            FftInterpolator.of(up).interpolate(y, out, nValid);
        } else {
            PolyphaseResampler.of(up, down).resample(y, out, nValid);
        }
        if (scale) {
            float s = (float) (1 / Math.sqrt((double) targetSr / origSr));
            for (int i = 0; i < nValid; i++) out[i] *= s;
        }
        return out;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
