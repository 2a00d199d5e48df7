package org.musicoder.audio;

/**
 * A mono waveform.
 *
 * @param samples    amplitude in [-1, 1] (float32, as librosa loads it), one value per sample
 * @param sampleRate samples per second (Hz)
 */
public record Waveform(float[] samples, int sampleRate) {
    /** Duration in seconds. */
    public double seconds() {
        return samples.length / (double) sampleRate;
    }
}
