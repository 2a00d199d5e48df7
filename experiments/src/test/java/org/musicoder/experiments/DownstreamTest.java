package org.musicoder.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.datasets.DemoClip;
import org.musicoder.datasets.DemoCorpus;
import org.musicoder.datasets.SplitPart;
import org.musicoder.datasets.TinyAudio;
import org.musicoder.finetune.Example;
import org.musicoder.model.Task;

/**
 * {@link Downstream}: a tiny GTZAN tree becomes ten folds of one-hot examples reported on their held-out songs,
 * and the demo corpus's tags task has its 54/20/20 split and multi-hot targets from labels.csv.
 */
class DownstreamTest {
    @TempDir
    Path root;

    @Test
    void gtzanTenFolds() throws Exception {
        for (String g : List.of("blues", "rock"))
            for (int i = 10; i < 20; i++) TinyAudio.write(root.resolve("genres").resolve(g).resolve(g + ".000" + i + ".wav"));
        List<String> warnings = new ArrayList<>();
        DownstreamData d = Downstream.gtzan(root, null, 7, root.resolve("cache"), 1, warnings::add);
        assertEquals(List.of(), warnings);
        assertEquals(Task.GENRE, d.task());
        assertEquals(List.of("blues", "rock"), d.labels());
        assertEquals(10, d.folds().size());
        assertTrue(d.protocol().contains("ten folds"), d.protocol());
        Set<float[][]> heldOutRound0 = new HashSet<>();
        for (int k = 0; k < 10; k++) {
            Fold f = d.folds().get(k);
            assertEquals(16, f.train().size());
            assertEquals(4, f.validation().size());
            assertEquals("validation", f.reportedOn());
            for (Example e : f.validation()) {
                assertEquals(1f, e.target()[0] + e.target()[1]);
                if (k < 5) heldOutRound0.add(e.frames());
            }
        }
        assertEquals(20, heldOutRound0.size(), "each song is held out once per round");
    }

    @Test
    void demoTags() throws Exception {
        DownstreamData d = Downstream.demo(Task.TAGS, root.resolve("cache"), 2, w -> {});
        Fold f = d.folds().get(0);
        assertEquals(54, f.train().size());
        assertEquals(20, f.validation().size());
        assertEquals(20, f.test().size());
        assertEquals(17, d.labels().size());
        DemoClip first = DemoCorpus.load().clips(SplitPart.TRAIN).get(0);
        float[] expected = new float[d.labels().size()];
        for (String t : first.tags()) expected[d.labels().indexOf(t)] = 1;
        assertArrayEquals(expected, f.train().get(0).target());
    }
}
