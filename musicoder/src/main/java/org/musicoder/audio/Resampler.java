package org.musicoder.audio;

/** Band-limited resampling matching {@code librosa.resample(res_type='soxr_hq')}. (Being written.) */
public final class Resampler {
    private Resampler() {}

    /**
     * Resamples {@code y} from {@code origSr} to {@code targetSr} Hz.
     *
     * @param scale if true, divide the output by sqrt(targetSr / origSr) (librosa's {@code scale=True})
     * @return {@code ceil(y.length * targetSr / origSr)} samples
     */
    public static float[] resample(float[] y, int origSr, int targetSr, boolean scale) {
        throw new UnsupportedOperationException("Resampler is being written");
    }
}
