package org.musicoder.kernel.magic;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code %features PATH|dataset:clip [--plot]}: a clip's 324 x frames features, through the feature cache. */
@Command(mixinStandardHelpOptions = true,
        description = {"Extract a clip's 324-dim features (chroma 12, MFCC 20, delta 20, log-mel 128, log-CQT 144) "
                + "through the feature cache and show a per-block summary; --plot adds the heatmap.",
                "Binds `features` (ClipMatrix: name, audio, raw, cmvn)."})
final class FeaturesMagic implements Magic {
    @Parameters(paramLabel = "PATH|dataset:clip", description = "An audio file, or dataset:ID (Tab completes the ids).")
    String clip;

    @Option(names = "--plot", description = "Also draw the features as a heatmap with the five blocks labelled.")
    boolean plot;

    @Override
    public void run(MagicContext ctx) throws Exception {
        ClipMatrix m = ClipResolver.features(clip, ctx.session());
        ctx.session().lastFeatures(m);
        Views.features(ctx, m, plot);
        ctx.bind(variable(), m, ClipMatrix.class.getName());
    }

    @Override
    public String variable() {
        return "features";
    }
}
