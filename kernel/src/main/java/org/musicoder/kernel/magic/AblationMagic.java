package org.musicoder.kernel.magic;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.musicoder.cli.TrainingClips;
import org.musicoder.experiments.Ablation;
import org.musicoder.experiments.AblationRow;
import org.musicoder.experiments.AblationScale;
import org.musicoder.experiments.AblationTable;
import org.musicoder.experiments.DownstreamData;
import org.musicoder.experiments.PretrainCorpus;
import org.musicoder.model.Engines;
import org.musicoder.model.Task;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * {@code %table5} and {@code %table6}: the paper's ablation tables through {@link Ablation#run} (pretrain each row's
 * encoder or reuse it, fine-tune, evaluate) with live progress; the Tablesaw table with the paper's numbers beside
 * ours (mean +- sd over the seeds), also written as CSV (after every result, so an interrupted run keeps its rows)
 * and Markdown. The options and their checks are the library's ({@link AblationScale#of}, {@link PretrainCorpus#choose}).
 */
abstract class AblationMagic implements Magic {
    @Option(names = "--data", paramLabel = "demo|DIR", defaultValue = "demo", completionCandidates = Choices.Data.class,
            description = "demo (demo scale on the embedded corpus; default) or a GTZAN folder.")
    String data;

    @Option(names = "--tags-data", paramLabel = "demo|DIR", completionCandidates = Choices.Data.class,
            description = "Adds the tagging columns: demo (the demo corpus's tags) or an MTG-Jamendo folder.")
    String tagsData;

    @Option(names = "--pretrain-data", paramLabel = "demo|debian-music|DIR", completionCandidates = Choices.PretrainData.class,
            description = "What the encoders are pretrained on: demo (the demo corpus's train split), debian-music (after "
                    + "`bin/musicoder corpus fetch debian-music`) or a folder of audio (required with --data DIR; demo scale "
                    + "default: debian-music when fetched, else demo).")
    String pretrainData;

    @Option(names = "--pretrain-steps", paramLabel = "N",
            description = "Pretraining steps per encoder (demo default " + AblationScale.DEMO_PRETRAIN_STEPS + ", the cpu schedule; required with --data DIR).")
    Long pretrainSteps;

    @Option(names = "--seeds", paramLabel = "N|S1,S2,..",
            description = "Replicates: N (seeds 0..N-1) or a list; replicate s pretrains and fine-tunes with seed s "
                    + "(default: " + AblationScale.DEMO_SEEDS + " at demo scale, 1 otherwise).")
    String seeds;

    @Option(names = "--grid", paramLabel = "G", completionCandidates = Choices.Grids.class,
            description = "Fine-tuning grid: small, paper or a specification (default: small for demo, paper otherwise).")
    String grid;

    @Option(names = "--folds", paramLabel = "N", description = "Run only the first N folds (GTZAN has ten; default all).")
    Integer folds;

    @Option(names = "--filtered", paramLabel = "DIR", description = "GTZAN: folder of the fault-filtered lists (artist-disjoint split).")
    Path filtered;

    @Option(names = "--out", paramLabel = "DIR", description = "Results and pretrained encoders (reused when present, shared by %%table5 and %%table6; default "
                    + "CACHE/ablation-SCALE-CORPUS, CORPUS the pretraining corpus: demo, debian-music or the folder's name).")
    Path out;

    /** The table's rows. */
    abstract List<AblationRow> rows();

    /** {@code table5} or {@code table6}. */
    abstract String name();

    @Override
    public void run(MagicContext ctx) throws Exception {
        boolean demo = data.equals("demo");
        Session s = ctx.session();
        AblationScale scale;
        PretrainCorpus source;
        try {
            scale = AblationScale.of(demo, pretrainSteps, grid, folds, seeds);
            source = PretrainCorpus.choose(pretrainData, demo, s.cache());
        } catch (IllegalArgumentException e) {
            throw new MagicException(e.getMessage());
        }
        Path work = out != null ? out : s.cache().resolve("ablation-" + scale.name() + "-" + source.key());
        ctx.out().println("loading the features ...");
        List<DownstreamData> tasks = new ArrayList<>();
        tasks.add(DownstreamCorpus.load(data, Task.GENRE, filtered, null, ctx));
        if (tagsData != null) tasks.add(DownstreamCorpus.load(tagsData, Task.TAGS, null, null, ctx));
        ctx.out().println(source.note());
        List<float[][]> clips = TrainingClips.load(source.source(), false, s.cache(), PretrainMagic.THREADS,
                new PrintWriter(ctx.output().err(), true), scale.cmvnPieceFrames());
        Engine engine = Engines.pytorch(PretrainMagic.THREADS);
        Device device = Engines.device(engine, s.device());
        ctx.out().println(name() + ": " + scale.describe() + "; " + rows().size() + " rows, " + device + "; work folder " + work);
        Files.createDirectories(work);
        Path csv = work.resolve(name() + ".csv");
        AblationTable result = Ablation.run(engine, device, rows(), scale, clips, source.describe(clips.size()), tasks, work,
                new DownstreamProgress(ctx, "score") {
                    @Override
                    public void added(AblationTable t) {
                        try {
                            t.writeCsv(csv);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
        result.writeCsv(csv);
        Files.writeString(work.resolve(name() + ".md"), result.markdown());
        ctx.out().println("written: " + work.resolve(name() + ".csv") + ", " + work.resolve(name() + ".md"));
        Table t = result.table();
        ctx.display(t);
        ctx.bind(variable(), t, Table.class.getName());
    }

    @Override
    public String afterInterrupt() {
        return "the run stops after the running step; finished pretraining is kept in the work folder and reused";
    }

    @Override
    public String variable() {
        return name();
    }
}
