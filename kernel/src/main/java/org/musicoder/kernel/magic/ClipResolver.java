package org.musicoder.kernel.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musicoder.datasets.FeatureCache;
import org.musicoder.features.Cmvn;
import org.musicoder.features.FeatureConfig;

/** Reads {@code PATH} or {@code dataset:ID} arguments and gets their features through the feature cache. */
final class ClipResolver {
    private static final String PREFIX = "dataset:";

    private ClipResolver() {}

    /**
     * The features of a clip (raw from the cache or computed and cached, then CMVN).
     *
     * @param arg     a file path or {@code dataset:ID}
     * @param session the session (selected dataset, cache folder)
     * @return the clip's features
     * @throws MagicException if the file or clip does not exist or cannot be decoded
     */
    static ClipMatrix features(String arg, Session session) throws MagicException, IOException {
        Path audio;
        String name;
        if (arg.startsWith(PREFIX)) {
            String id = arg.substring(PREFIX.length());
            audio = session.dataset().clip(id).audio();
            name = arg;
        } else {
            audio = Path.of(arg);
            if (!Files.isRegularFile(audio)) throw new MagicException(arg + ": no such file");
            name = audio.getFileName().toString();
        }
        FeatureConfig cfg = FeatureConfig.PAPER;
        FeatureCache cache = new FeatureCache(session.cache().resolve("features"));
        float[][] raw;
        try {
            raw = cache.raw(audio, cfg);
        } catch (IOException | RuntimeException e) {
            throw new MagicException(name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        return new ClipMatrix(name, audio, raw, Cmvn.apply(raw, cfg.stdFloor()));
    }
}
