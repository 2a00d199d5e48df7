package org.musicoder.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.datasets.FeatureCache;
import org.musicoder.features.FeatureConfig;
import org.musicoder.io.Npy;

class DemoCommandTest {
    @Test
    void extractsTheCorpusOnceThenReadsTheCacheAndMatchesLibrosaOnADemoClip(@TempDir Path cache) throws Exception {
        FeaturesCommandTest.Run first = FeaturesCommandTest.run("demo", "--features-only", "--cache", cache.toString());
        assertEquals(0, first.code(), first.err());
        for (String cls : new String[] {"ambient", "blues_midi", "electronic", "metal", "orchestral"})
            assertTrue(first.out().lines().anyMatch(l -> l.startsWith(cls + " ")), cls + " row in\n" + first.out());
        assertTrue(first.out().contains("94 clips"), first.out());
        assertTrue(first.out().contains("94 computed, 0 from the cache"), first.out());

        FeaturesCommandTest.Run second = FeaturesCommandTest.run("demo", "--features-only", "--cache", cache.toString(), "--threads", "1");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("0 computed, 94 from the cache"), second.out());

        // What the demo cached for one clip is librosa's answer (lossy input: 1e-2 per block).
        Path clip = cache.resolve("demo-clips/metal-armygeddon-a.ogg");
        Path entry = new FeatureCache(cache.resolve("features")).entry(clip, FeatureConfig.PAPER, 0, 0);
        float[][] got = Npy.read(entry).toFloat2d();
        float[][] ref = Npy.read(Path.of("src/test/resources/librosa/demo_metal-armygeddon-a/features_raw.npy"))
                .toFloat2d();
        assertEquals(ref.length, got.length);
        for (FeatureConfig.Block b : FeatureConfig.PAPER.blocks()) {
            double e = FeaturesCommandTest.relErr(got, ref, b.from(), b.to());
            assertTrue(e <= 1e-2, b.name() + " relative error " + e);
        }
    }

    @Test
    void rejectsZeroThreads(@TempDir Path cache) {
        FeaturesCommandTest.Run r = FeaturesCommandTest.run("demo", "--cache", cache.toString(), "--threads", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--threads must be >= 1"), r.err());
    }
}
