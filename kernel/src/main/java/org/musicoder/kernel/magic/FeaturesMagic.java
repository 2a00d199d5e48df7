package org.musicoder.kernel.magic;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/**
 * {@code %features PATH|dataset:clip [--plot]}: a clip's 324 x frames features, through the feature cache;
 * {@code %features --all}: every clip of the selected dataset, with a progress bar.
 */
@Command(mixinStandardHelpOptions = true,
        description = {"Extract a clip's 324-dim features (chroma 12, MFCC 20, delta 20, log-mel 128, log-CQT 144) "
                + "through the feature cache and show a per-block summary; --plot adds the heatmap.",
                "Binds `features` (ClipMatrix: name, audio, raw, cmvn); with --all, `featuresTable` (Tablesaw: clip, "
                        + "label, frames, seconds, error)."})
final class FeaturesMagic implements Magic {
    @Parameters(arity = "0..1", paramLabel = "PATH|dataset:clip",
            description = "An audio file, or dataset:ID (Tab completes the ids).")
    String clip;

    @Option(names = "--plot", description = "Also draw the features as a heatmap with the five blocks labelled.")
    boolean plot;

    @Option(names = "--all", description = "Every clip of the selected dataset (see %%dataset) into the feature "
            + "cache, with a progress bar (clips/s, time left); shows one row per clip.")
    boolean all;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "Clips extracted at once with --all (default ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public void run(MagicContext ctx) throws Exception {
        if (all) {
            if (clip != null || plot) throw new MagicException("--all takes no clip and no --plot");
            if (threads < 1) throw new MagicException("--threads must be >= 1, got " + threads);
            Table t = FeaturesAll.run(ctx, threads);
            ctx.display(t);
            ctx.bind("featuresTable", t, Table.class.getName());
            return;
        }
        if (clip == null) throw new MagicException("give a clip (PATH or dataset:ID), or --all for every clip of the"
                + " selected dataset");
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
