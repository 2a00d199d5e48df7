package org.musicoder.kernel.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musicoder.experiments.Downstream;
import org.musicoder.experiments.DownstreamData;
import org.musicoder.model.Task;

/** The downstream corpus a magic names: {@code demo}, a GTZAN folder (genre) or an MTG-Jamendo folder (tags). */
final class DownstreamCorpus {
    private DownstreamCorpus() {}

    /**
     * @param data     {@code demo} or a folder
     * @param task     genre or tags
     * @param filtered GTZAN: folder of the fault-filtered lists, or null for the paper's ten folds
     * @param audio    MTG-Jamendo: the folder the PATH column is relative to, or null for {@code data}
     * @param ctx      the running magic (cache folder, warnings to stderr)
     * @return the corpus with its protocol
     * @throws MagicException if {@code data} is neither {@code demo} nor a folder
     */
    static DownstreamData load(String data, Task task, Path filtered, Path audio, MagicContext ctx)
            throws MagicException, IOException, InterruptedException {
        Path cache = ctx.session().cache();
        int threads = PretrainMagic.THREADS;
        if (data.equals("demo")) return Downstream.demo(task, cache, threads, w -> ctx.output().err().println(w));
        Path dir = Path.of(data);
        if (!Files.isDirectory(dir)) throw new MagicException("--data " + data + ": neither 'demo' nor an existing folder");
        if (task == Task.GENRE)
            return Downstream.gtzan(dir, filtered, org.musicoder.datasets.GtzanFolds.DEFAULT_SEED, cache, threads,
                    w -> ctx.output().err().println(w));
        return Downstream.mtgJamendo(Downstream.mtgSplitDir(dir), audio != null ? audio : dir, cache, threads,
                w -> ctx.output().err().println(w));
    }
}
