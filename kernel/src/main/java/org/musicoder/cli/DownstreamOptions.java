package org.musicoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musicoder.experiments.Downstream;
import org.musicoder.experiments.DownstreamData;
import org.musicoder.datasets.GtzanFolds;
import org.musicoder.model.Task;
import picocli.CommandLine.Option;

/** The options naming a downstream corpus (mixed into {@code finetune}, {@code table5}, {@code table6}). */
final class DownstreamOptions {
    @Option(names = "--filtered", paramLabel = "DIR", description = "GTZAN: folder with train_filtered.txt, valid_filtered.txt, "
            + "test_filtered.txt for the artist-disjoint split (default: the paper's ten random folds).")
    Path filtered;

    @Option(names = "--audio", paramLabel = "DIR", description = "MTG-Jamendo: folder the PATH column is relative to (default: the --data folder).")
    Path audio;

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
        if (task == Task.GENRE) return Downstream.gtzan(dir, filtered, foldSeed, cacheDir(), threads, w -> warn(err, w));
        return Downstream.mtgJamendo(Downstream.mtgSplitDir(dir), audio != null ? audio : dir, cacheDir(), threads, w -> warn(err, w));
    }

    private static void warn(PrintWriter err, String w) {
        err.println("musicoder: " + w);
        err.flush();
    }
}
