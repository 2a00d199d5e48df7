package org.musicoder.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.musicoder.datasets.FeatureCache;
import org.musicoder.features.FeatureBatch;
import org.musicoder.features.FeatureConfig;

/**
 * Per-clip CMVN features of audio files: raw features from the {@link FeatureCache} (computed once with the
 * paper's recipe, {@link FeatureConfig#PAPER}), CMVN applied on loading (floor 1e-8).
 */
public final class TrackFeatures {
    private TrackFeatures() {}

    /**
     * @param files audio files
     * @param cacheDir the feature cache's folder
     * @param threads files processed at once
     * @param warn one line per file that cannot be read (it is left out of the result)
     * @return raw (pre-CMVN) features by file, for the files that could be read
     * @throws IOException if the cache folder cannot be created
     * @throws InterruptedException if interrupted while waiting for the workers
     */
    public static Map<Path, float[][]> load(List<Path> files, Path cacheDir, int threads, Consumer<String> warn)
            throws IOException, InterruptedException {
        FeatureConfig cfg = FeatureConfig.PAPER;
        FeatureCache cache = new FeatureCache(cacheDir, warn);
        Map<Path, float[][]> out = new HashMap<>();
        FeatureBatch.run(files, threads, p -> cache.raw(p, cfg),
                r -> {
                    if (r.ok()) out.put(r.input(), r.features());
                    else warn.accept(r.input() + ": " + r.error().getMessage() + " (skipped)");
                });
        return out;
    }
}
