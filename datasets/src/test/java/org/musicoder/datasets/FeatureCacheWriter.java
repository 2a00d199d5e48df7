package org.musicoder.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.musicoder.features.FeatureConfig;

/**
 * A separate process filling a feature cache, for {@link FeatureCacheTest}: args are the cache folder, a
 * rendezvous folder, this writer's name, then the audio files. It creates {@code ready-<name>}, waits for
 * {@code go}, fills the cache (each computation sleeping 20 ms), and prints how many clips it computed.
 */
public final class FeatureCacheWriter {
    private FeatureCacheWriter() {}

    public static void main(String[] args) throws Exception {
        FeatureCache cache = new FeatureCache(Path.of(args[0]));
        Path sync = Path.of(args[1]);
        Files.createFile(sync.resolve("ready-" + args[2]));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(sync.resolve("go"))) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("no go signal");
            Thread.sleep(2);
        }
        AtomicInteger computed = new AtomicInteger();
        for (int i = 3; i < args.length; i++) {
            cache.get(Path.of(args[i]), FeatureConfig.PAPER, a -> {
                computed.incrementAndGet();
                return FakeFeatures.slowly(a, 20);
            });
        }
        System.out.println(computed.get());
    }
}
