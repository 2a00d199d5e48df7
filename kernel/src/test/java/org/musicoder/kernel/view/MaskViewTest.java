package org.musicoder.kernel.view;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.musicoder.features.FeatureConfig;
import org.musicoder.masking.Ccm;
import org.musicoder.masking.ChannelBlock;
import org.musicoder.masking.MaskRng;
import org.musicoder.masking.Masked;
import org.musicoder.masking.Masker;
import org.musicoder.masking.Objective;
import org.musicoder.masking.Span;
import org.musicoder.masking.SpanAction;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

class MaskViewTest {
    static final double SECONDS_PER_FRAME = 1024 / 44100.0;

    static Masked masked(Objective o, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[431][324];
        for (float[] row : x) for (int d = 0; d < row.length; d++) row[d] = 1 + (float) r.nextGaussian();
        return new Masker(o, new Ccm(0.2, Ccm.Band.SPECTRA)).mask(x, 431, new MaskRng(seed));
    }

    @Test
    void statisticsCountWhatWasDrawn() {
        Masked m = masked(Objective.CFM_CCM, 11);
        int chosen = 0;
        for (int t = 0; t < m.frames(); t++) if (m.chosen(t)) chosen++;
        int budget = (int) Math.ceil(0.15 * 431);                     // paper: 15 % of the frames
        int[] perAction = new int[3];
        for (Span s : m.spans()) perAction[s.action().ordinal()]++;
        ChannelBlock b = m.channels().orElseThrow();
        Table t = MaskView.statistics(m);
        List<String> v = t.stringColumn("value").asList();
        List<String> k = t.stringColumn("statistic").asList();
        assertEquals("431", v.get(k.indexOf("frames")));
        assertEquals(Integer.toString(m.spans().size()), v.get(k.indexOf("CFM spans")));
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", chosen / (double) m.spans().size()),
                v.get(k.indexOf("mean span length (frames)")));
        assertTrue(v.get(k.indexOf("frames chosen / budget")).startsWith(chosen + " / " + budget + " "),
                v.get(k.indexOf("frames chosen / budget")));
        assertEquals(Integer.toString(perAction[0]), v.get(k.indexOf("spans zero")));
        assertEquals(Integer.toString(perAction[1]), v.get(k.indexOf("spans random")));
        assertEquals(Integer.toString(perAction[2]), v.get(k.indexOf("spans unchanged")));
        assertEquals(b.start() + "-" + (b.start() + b.width() - 1) + " (" + b.width() + " of 324)",
                v.get(k.indexOf("CCM channels")));
        long cells = (long) chosen * 324 + (long) (431 - chosen) * b.width();
        assertTrue(v.get(k.indexOf("cells in the loss")).startsWith(cells + " "), v.get(k.indexOf("cells in the loss")));

        Table spans = MaskView.spans(m);
        assertEquals(m.spans().size(), spans.rowCount());
        for (int i = 0; i < m.spans().size(); i++) {
            Span s = m.spans().get(i);
            assertEquals(s.start(), spans.intColumn("start").get(i));
            assertEquals(s.action() == SpanAction.RANDOM, !spans.intColumn("source").isMissing(i));
        }
    }

    @Test
    void withoutCcmOrCfmTheTableSaysSo() {
        List<String> cfm = MaskView.statistics(masked(Objective.CFM, 3)).stringColumn("value").asList();
        assertTrue(cfm.contains("- (no CCM)"), cfm.toString());
        List<String> ccm = MaskView.statistics(masked(Objective.CCM, 3)).stringColumn("value").asList();
        assertTrue(ccm.contains("- (no CFM)"), ccm.toString());
    }

    @Test
    void spansAreOutlinedPerActionOverTheirFramesAndTheCcmBandOverItsChannels() {
        Masked m = masked(Objective.CFM_CCM, 4);
        Figure f = MaskView.figure(m, FeatureConfig.PAPER, "mask");
        JsonArray data = Figures.json(f).getAsJsonArray("data");
        // masked input: a ZERO span's frames are 0 in every dim the CCM band leaves alone too
        JsonArray z = data.get(0).getAsJsonObject().getAsJsonArray("z");
        Span zero = m.spans().stream().filter(s -> s.action() == SpanAction.ZERO).findFirst().orElseThrow();
        for (int d = 0; d < 324; d++) assertEquals(0.0, z.get(d).getAsJsonArray().get(zero.start()).getAsDouble());

        List<String> names = new ArrayList<>();
        for (int i = 2; i < data.size(); i++) names.add(data.get(i).getAsJsonObject().get("name").getAsString());
        for (SpanAction a : SpanAction.values()) {
            List<Span> spans = m.spans().stream().filter(s -> s.action() == a).toList();
            String prefix = "CFM " + MaskView.name(a) + " (" + spans.size() + " span";
            int i = indexStartingWith(names, prefix);
            if (spans.isEmpty()) {
                assertEquals(-1, i, names.toString());
                continue;
            }
            assertTrue(i >= 0, prefix + " in " + names);
            JsonObject trace = data.get(i + 2).getAsJsonObject();
            assertEquals("toself", trace.get("fill").getAsString());
            double[] x = Figures.numbers(trace.getAsJsonArray("x"));
            assertEquals(6 * spans.size(), x.length);
            for (int s = 0; s < spans.size(); s++) {
                assertEquals((spans.get(s).start() - 0.5) * SECONDS_PER_FRAME, x[6 * s], 1e-9);
                assertEquals((spans.get(s).end() - 0.5) * SECONDS_PER_FRAME, x[6 * s + 1], 1e-9);
                assertTrue(Double.isNaN(x[6 * s + 5]), "gap between rectangles");
            }
        }
        ChannelBlock b = m.channels().orElseThrow();
        int c = indexStartingWith(names, "CCM channels " + b.start() + "-" + (b.start() + b.width() - 1));
        assertTrue(c >= 0, names.toString());
        double[] y = Figures.numbers(data.get(c + 2).getAsJsonObject().getAsJsonArray("y"));
        assertEquals(b.start() - 0.5, y[0]);
        assertEquals(b.start() + b.width() - 0.5, y[2]);
        assertTrue(Figures.title(f).contains("CFM budget 65 frames"), Figures.title(f));
    }

    private static int indexStartingWith(List<String> names, String prefix) {
        for (int i = 0; i < names.size(); i++) if (names.get(i).startsWith(prefix)) return i;
        return -1;
    }
}
