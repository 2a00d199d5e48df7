package org.musicoder.audio;

import java.nio.file.Path;

/** Loads audio files as mono float waveforms, the way {@code librosa.load} does. (Being written.) */
public final class AudioLoader {
    private AudioLoader() {}

    /**
     * Decodes {@code path} to mono (mean of channels) at its native rate.
     *
     * @param offsetSeconds   start reading this many seconds in (>= 0)
     * @param durationSeconds read at most this many seconds; {@code <= 0} or NaN reads to the end
     */
    public static Waveform load(Path path, double offsetSeconds, double durationSeconds) throws AudioException {
        throw new UnsupportedOperationException("AudioLoader.load is being written");
    }

    /** As {@link #load(Path, double, double)}, then resampled to {@code sampleRate} with {@link Resampler}. */
    public static Waveform load(Path path, int sampleRate, double offsetSeconds, double durationSeconds)
            throws AudioException {
        Waveform w = load(path, offsetSeconds, durationSeconds);
        if (w.sampleRate() == sampleRate) return w;
        return new Waveform(Resampler.resample(w.samples(), w.sampleRate(), sampleRate, false), sampleRate);
    }
}
