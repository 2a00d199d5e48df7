package org.musicoder.kernel.magic;

import org.musicoder.features.FeatureConfig;
import org.musicoder.kernel.view.FeatureView;
import org.musicoder.kernel.view.MaskView;

/** What the magics show, drawn by the view package. */
final class Views {
    private Views() {}

    /** A clip's features: the per-block summary, and with {@code plot} the heatmap of the CMVN features. */
    static void features(MagicContext ctx, ClipMatrix m, boolean plot) {
        ctx.out().println(m);
        ctx.display(FeatureView.summary(m.raw(), FeatureConfig.PAPER));
        if (plot) ctx.display(m);
    }

    /** A mask draw: the masking view, the span statistics and the spans. */
    static void mask(MagicContext ctx, MaskedClip c) {
        ctx.display(c);
        ctx.display(MaskView.statistics(c.masked()));
        if (!c.masked().spans().isEmpty()) ctx.display(MaskView.spans(c.masked()));
    }
}
