package org.musicoder.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import org.musicoder.datasets.DemoClip;
import org.musicoder.features.FeatureConfig;

/** The demo's per-class table: clip counts by split, frames, and each block's mean raw value. */
final class SummaryTable {
    private final FeatureConfig cfg;
    private final Map<String, Row> rows = new TreeMap<>();

    private static final class Row {
        int clips, train, validation, test;
        long frames;
        double[] blockSums;
    }

    SummaryTable(FeatureConfig cfg) {
        this.cfg = cfg;
    }

    void add(DemoClip clip, float[][] features) {
        Row r = rows.computeIfAbsent(clip.styleClass(), k -> new Row());
        if (r.blockSums == null) r.blockSums = new double[cfg.blocks().size()];
        r.clips++;
        switch (clip.split()) {
            case TRAIN -> r.train++;
            case VALIDATION -> r.validation++;
            case TEST -> r.test++;
        }
        r.frames += features.length;
        for (int b = 0; b < r.blockSums.length; b++) r.blockSums[b] += cfg.blocks().get(b).mean(features);
    }

    int clips() {
        return rows.values().stream().mapToInt(r -> r.clips).sum();
    }

    long frames() {
        return rows.values().stream().mapToLong(r -> r.frames).sum();
    }

    void print(PrintWriter out) {
        StringBuilder h = new StringBuilder(String.format("%-12s %5s %14s %7s", "class", "clips", "train/val/test",
                "frames"));
        for (FeatureConfig.Block b : cfg.blocks()) h.append(String.format(" %10s", b.name()));
        out.println(h);
        out.println("-".repeat(h.length()));
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            StringBuilder s = new StringBuilder(String.format("%-12s %5d %14s %7d", e.getKey(), r.clips,
                    r.train + "/" + r.validation + "/" + r.test, r.frames));
            for (double sum : r.blockSums) s.append(String.format(" %10.3f", sum / r.clips));
            out.println(s);
        }
        out.println("(block columns: mean raw feature value per clip, averaged over the class's clips)");
    }
}
