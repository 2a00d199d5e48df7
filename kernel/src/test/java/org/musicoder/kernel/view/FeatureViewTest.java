package org.musicoder.kernel.view;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.features.FeatureConfig;
import org.musicoder.io.Npy;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

class FeatureViewTest {
    static final Path CLIP = Path.of("src/test/resources/librosa/demo_metal-armygeddon-a/features_raw.npy");

    @Test
    void blockSummaryMatchesNumpy() throws Exception {
        float[][] x = Npy.read(CLIP).toFloat2d();
        Table t = FeatureView.summary(x, FeatureConfig.PAPER);
        JsonArray ref = Numpy.run("""
                import json, sys, numpy as np
                x = np.load(sys.argv[1]).astype(np.float64)
                out = []
                for a, b in [(0, 12), (12, 32), (32, 52), (52, 180), (180, 324)]:
                    v = x[:, a:b]
                    out.append([v.min(), v.mean(), v.max(), v.std()])
                print(json.dumps(out))
                """, CLIP.toString()).getAsJsonArray();
        assertEquals(List.of("chroma", "mfcc", "mfcc_delta", "log_mel", "log_cqt"), t.stringColumn("block").asList());
        assertEquals(List.of(12, 20, 20, 128, 144), t.intColumn("dims").asList());
        assertEquals(List.of("0-11", "12-31", "32-51", "52-179", "180-323"), t.stringColumn("columns").asList());
        String[] cols = {"min", "mean", "max", "std"};
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 4; c++) {
                double want = ref.get(r).getAsJsonArray().get(c).getAsDouble();
                double got = t.doubleColumn(cols[c]).get(r);
                assertEquals(want, got, 1e-9 * Math.max(1, Math.abs(want)), t.stringColumn("block").get(r) + " " + cols[c]);
            }
        }
    }

    @Test
    void aThirtySecondClipIsOneFullResolutionTraceWithTheBlocksNamed() {
        float[][] x = new float[1292][324];
        Figure f = FeatureView.heatmap(x, FeatureConfig.PAPER, "clip");
        JsonObject heat = Figures.trace(f, 0);
        assertEquals("heatmap", heat.get("type").getAsString());
        assertEquals(324, heat.getAsJsonArray("z").size());
        assertEquals(1292, heat.getAsJsonArray("z").get(0).getAsJsonArray().size());
        assertEquals(1292, heat.getAsJsonArray("x").size());
        assertEquals("clip, 1292 frames, 30.0 s", Figures.title(f));
        JsonObject y = Figures.json(f).getAsJsonObject("layout").getAsJsonObject("yaxis");
        assertEquals("array", y.get("tickmode").getAsString());
        List<String> names = List.of("chroma (12)", "mfcc (20)", "mfcc_delta (20)", "log_mel (128)", "log_cqt (144)");
        List<String> ticks = new java.util.ArrayList<>();
        for (JsonElement e : y.getAsJsonArray("ticktext")) ticks.add(e.getAsString());
        assertEquals(names, ticks);
        // centres of columns 0-11, 12-31, 32-51, 52-179, 180-323 (docs/features.md's recipe table)
        assertArrayEquals(new double[] {5.5, 21.5, 41.5, 115.5, 251.5}, Figures.numbers(y.getAsJsonArray("tickvals")));
        // block edges: horizontal lines at 11.5, 31.5, 51.5, 179.5
        double[] edgeY = Figures.numbers(Figures.trace(f, 1).getAsJsonArray("y"));
        assertArrayEquals(new double[] {11.5, 11.5, Double.NaN, 31.5, 31.5, Double.NaN, 51.5, 51.5, Double.NaN,
                179.5, 179.5, Double.NaN}, edgeY);
    }

    @Test
    void longClipsAreAveragedOverFramesLikeNumpyAndTheTitleSaysSo(@TempDir Path dir) throws Exception {
        Random r = new Random(5);
        float[][] x = new float[3001][324];
        for (float[] row : x) for (int d = 0; d < row.length; d++) row[d] = (float) r.nextGaussian();
        Path npy = dir.resolve("x.npy");
        Npy.write(npy, x);
        Figure f = FeatureView.heatmap(x, FeatureConfig.PAPER, "long");
        assertEquals("long, 3001 frames, 69.7 s (every 3 frames averaged for display)", Figures.title(f));
        JsonObject heat = Figures.trace(f, 0);
        JsonArray ref = Numpy.run("""
                import json, sys, numpy as np
                x = np.load(sys.argv[1]).astype(np.float64)
                k = 3
                groups = [x[i:i + k] for i in range(0, len(x), k)]
                z = np.stack([g.mean(axis=0) for g in groups], axis=1)          # dims x columns
                t = [((i + min(i + k, len(x)) - 1) / 2) * 1024 / 44100 for i in range(0, len(x), k)]
                print(json.dumps([z.tolist(), t]))
                """, npy.toString()).getAsJsonArray();
        JsonArray z = heat.getAsJsonArray("z");
        JsonArray refZ = ref.get(0).getAsJsonArray();
        assertEquals(refZ.size(), z.size());
        assertEquals(1001, z.get(0).getAsJsonArray().size());
        for (int d = 0; d < z.size(); d += 7) {
            double[] got = Figures.numbers(z.get(d).getAsJsonArray());
            double[] want = Figures.numbers(refZ.get(d).getAsJsonArray());
            for (int c = 0; c < got.length; c++) assertEquals(want[c], got[c], 0.005 + 1e-9, "dim " + d + " col " + c);
        }
        double[] t = Figures.numbers(heat.getAsJsonArray("x"));
        double[] refT = Figures.numbers(ref.get(1).getAsJsonArray());
        for (int c = 0; c < t.length; c++) assertEquals(refT[c], t[c], 0.0005 + 1e-9, "time of column " + c);
    }
}
