package org.musicoder.kernel.magic;

import java.util.Locale;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.musicoder.features.FeatureConfig;
import org.musicoder.masking.Span;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** What the magics show: tables and figures of their results (the views package draws them). */
final class Views {
    private Views() {}

    /** A clip's features: block summary, and the heatmap with {@code plot}. */
    static void features(MagicContext ctx, ClipMatrix m, boolean plot) {
        FeatureConfig cfg = FeatureConfig.PAPER;
        StringColumn block = StringColumn.create("block");
        IntColumn dims = IntColumn.create("dims");
        DoubleColumn mean = DoubleColumn.create("mean (raw)");
        for (FeatureConfig.Block b : cfg.blocks()) {
            block.append(b.name());
            dims.append(b.width());
            mean.append(b.mean(m.raw()));
        }
        ctx.out().println(m);
        ctx.display(Table.create(m.name(), block, dims, mean));
    }

    /** A mask draw: spans and band. */
    static void mask(MagicContext ctx, MaskedClip c) {
        StringColumn action = StringColumn.create("action");
        IntColumn start = IntColumn.create("start");
        IntColumn length = IntColumn.create("length");
        for (Span s : c.masked().spans()) {
            action.append(s.action().name().toLowerCase(Locale.ROOT));
            start.append(s.start());
            length.append(s.length());
        }
        ctx.out().println(c);
        c.masked().channels().ifPresent(b -> ctx.out().println("CCM band: channels " + b.start() + ".." + (b.start() + b.width() - 1)));
        if (!c.masked().spans().isEmpty()) ctx.display(Table.create("CFM spans", action, start, length));
    }

    /** The loss curve of a run. */
    static DisplayData lossCurve(MagicContext ctx, Pretrained run) {
        double[] l = run.losses();
        StringBuilder sb = new StringBuilder("loss:");
        int every = Math.max(1, l.length / 20);
        for (int i = 0; i < l.length; i += every) sb.append(String.format(Locale.ROOT, " %.3f", l[i]));
        return new DisplayData(sb.toString());
    }
}
