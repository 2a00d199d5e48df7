package org.musicoder.kernel.magic;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.musicoder.cli.FeaturesProgress;
import org.musicoder.datasets.FeatureCache;
import org.musicoder.features.FeatureBatch;
import org.musicoder.features.FeatureConfig;
import org.musicoder.kernel.LiveDisplay;
import org.musicoder.kernel.display.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code %features --all}: every clip of the selected dataset through the feature cache (computed once, read back
 * afterwards), with a progress bar (clips done, clips/s, time left, failures) replaced in place at most every
 * quarter second. A clip that fails is a row with its error; an interrupt stops at the next clip.
 */
final class FeaturesAll {
    private static final long UPDATE_NS = 250_000_000L;

    private FeaturesAll() {}

    /**
     * @return one row per clip: clip, label, frames (0 if it failed), seconds (to compute or read back), error
     */
    static Table run(MagicContext ctx, int threads) throws Exception {
        DatasetChoice d = ctx.session().dataset();
        List<DatasetChoice.Clip> clips = d.clips();
        List<Path> files = clips.stream().map(DatasetChoice.Clip::audio).toList();
        FeatureConfig cfg = FeatureConfig.PAPER;
        Path cacheDir = ctx.session().cache().resolve("features");
        FeatureCache cache = new FeatureCache(cacheDir);
        StringColumn id = StringColumn.create("clip"), label = StringColumn.create("label");
        IntColumn frames = IntColumn.create("frames");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        StringColumn error = StringColumn.create("error");
        long start = System.nanoTime();
        int[] counts = new int[2]; // done, failed
        long[] shown = {0};
        LiveDisplay bar = ctx.live(bar(0, clips.size(), 0, 0));
        FeatureBatch.run(files, threads, p -> cache.raw(p, cfg),
                r -> {
                    if (ctx.cancelled()) throw new CancellationException("interrupted");
                    DatasetChoice.Clip c = clips.get(counts[0]++);
                    id.append("dataset:" + c.id());
                    label.append(c.label());
                    frames.append(r.ok() ? r.features().length : 0);
                    seconds.append(r.seconds());
                    error.append(r.ok() ? "" : String.valueOf(r.error().getMessage()));
                    if (!r.ok()) counts[1]++;
                    long now = System.nanoTime();
                    if (now - shown[0] >= UPDATE_NS || counts[0] == clips.size()) {
                        bar.update(bar(counts[0], clips.size(), counts[1], (now - start) / 1e9));
                        shown[0] = now;
                    }
                });
        ctx.out().println(FeaturesProgress.line(counts[0], clips.size(), counts[1], (System.nanoTime() - start) / 1e9)
                + " (" + d.source() + "; cache " + cacheDir + ")");
        return Table.create("features of " + d.source(), id, label, frames, seconds, error);
    }

    private static DisplayData bar(int done, int total, int failed, double seconds) {
        String text = FeaturesProgress.line(done, total, failed, seconds);
        DisplayData data = new DisplayData(text);
        data.putHTML("<div><progress value=\"" + done + "\" max=\"" + Math.max(1, total) + "\" style=\"width:40%\">"
                + "</progress> <code>" + Html.escape(text) + "</code></div>");
        return data;
    }
}
