package org.musicoder.features;

import java.nio.file.Path;
import org.musicoder.audio.AudioException;
import org.musicoder.audio.AudioLoader;
import org.musicoder.audio.Waveform;

/** Features of one audio file: decode, mono, resample, extract. The entry point the CLI and the kernel share. */
public final class ClipFeatures {
    private ClipFeatures() {}

    /**
     * Loads {@code audio} like {@code librosa.load(path, sr=cfg.sampleRate(), mono=True, offset, duration)} and
     * computes its features.
     *
     * @param audio           an audio file (any format {@link org.musicoder.audio.AudioLoader} reads)
     * @param cfg             the feature recipe
     * @param offsetSeconds   start this many seconds into the file (>= 0)
     * @param durationSeconds at most this many seconds; {@code <= 0} or NaN for the whole file
     * @param cmvn            if true, per-clip CMVN is applied; else the raw features
     * @return features, shape {@code [frames][cfg.dims()]}, {@code frames = 1 + samples / cfg.hop()}
     * @throws AudioException naming the file and the reason when it cannot be read
     */
    public static float[][] compute(Path audio, FeatureConfig cfg, double offsetSeconds, double durationSeconds,
                                    boolean cmvn) throws AudioException {
        Waveform w = AudioLoader.load(audio, cfg.sampleRate(), offsetSeconds, durationSeconds);
        if (w.samples().length == 0) throw new AudioException(audio, "no samples in the requested range");
        Features f = new FeatureExtractor().extract(w.samples(), cfg);
        return cmvn ? f.cmvn() : f.raw();
    }
}
