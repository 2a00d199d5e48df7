package org.musicoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musicoder.cli.options.CorpusOptions;
import org.musicoder.datasets.GtzanFolds;
import org.musicoder.experiments.Downstream;
import org.musicoder.experiments.DownstreamData;
import org.musicoder.model.Task;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options naming a downstream corpus (mixed into {@code finetune}, {@code table5}, {@code table6}). */
final class DownstreamOptions {
    @Mixin CorpusOptions parts;

    @Option(names = "--cache", paramLabel = "DIR", description = "Cache folder (default: $MUSICODER_CACHE or ~/.cache/musicoder).")
    Path cache;

    @Option(names = "--fold-seed", paramLabel = "S", description = "Seed of GTZAN's ten folds (default 2020).")
    long foldSeed = GtzanFolds.DEFAULT_SEED;

    /** The cache folder. */
    Path cacheDir() {
        return cache != null ? cache : Cache.defaultDir();
    }

    /**
     * The corpus: {@code demo} (the demo corpus for either task), or for a folder GTZAN (genre) or MTG-Jamendo
     * (tags).
     */
    DownstreamData load(String data, Task task, int threads, PrintWriter err) throws IOException, InterruptedException {
        if (data.equals("demo")) return Downstream.demo(task, cacheDir(), threads, w -> warn(err, w));
        Path dir = Path.of(data);
        if (!Files.isDirectory(dir)) throw new IOException("--data " + data + ": neither 'demo' nor an existing folder");
        if (task == Task.GENRE) return Downstream.gtzan(dir, parts.filtered, foldSeed, cacheDir(), threads, w -> warn(err, w));
        return Downstream.mtgJamendo(Downstream.mtgSplitDir(dir), parts.audio != null ? parts.audio : dir, cacheDir(), threads, w -> warn(err, w));
    }

    private static void warn(PrintWriter err, String w) {
        err.println("musicoder: " + w);
        err.flush();
    }
}
