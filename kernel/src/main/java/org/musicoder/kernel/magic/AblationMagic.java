package org.musicoder.kernel.magic;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.musicoder.cli.TrainingClips;
import org.musicoder.cli.options.AblationOptions;
import org.musicoder.cli.options.Candidates;
import org.musicoder.cli.options.CorpusOptions;
import org.musicoder.cli.options.PaperTables;
import org.musicoder.experiments.Ablation;
import org.musicoder.experiments.AblationScale;
import org.musicoder.experiments.AblationTable;
import org.musicoder.experiments.DownstreamData;
import org.musicoder.experiments.PretrainCorpus;
import org.musicoder.model.Engines;
import org.musicoder.model.Task;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * {@code %table5} and {@code %table6}: the paper's ablation tables through {@link Ablation#run} (pretrain each row's
 * encoder or reuse it, fine-tune, evaluate) with live progress; the Tablesaw table with the paper's numbers beside
 * ours (mean +- sd over the seeds), also written as CSV (after every result, so an interrupted run keeps its rows)
 * and Markdown. The options shared with the CLI are {@link AblationOptions}.
 */
abstract class AblationMagic implements Magic {
    @Option(names = "--data", paramLabel = "demo|DIR", defaultValue = "demo", completionCandidates = Candidates.Data.class,
            description = "demo (demo scale on the embedded corpus; default) or a GTZAN folder.")
    String data;

    @Mixin AblationOptions ablation;

    @Mixin CorpusOptions parts;

    @Option(names = "--out", paramLabel = "DIR", description = "Results and pretrained encoders (reused when present, shared by %%table5 and %%table6; default "
                    + "CACHE/ablation-SCALE-CORPUS, CORPUS the pretraining corpus: demo, debian-music or the folder's name).")
    Path out;

    private final PaperTables paper;

    AblationMagic(PaperTables paper) {
        this.paper = paper;
    }

    @Override
    public void run(MagicContext ctx) throws Exception {
        boolean demo = data.equals("demo");
        Session s = ctx.session();
        AblationScale scale;
        PretrainCorpus source;
        try {
            scale = ablation.scale(demo);
            source = ablation.corpus(demo, s.cache());
        } catch (IllegalArgumentException e) {
            throw new MagicException(e.getMessage());
        }
        Path work = out != null ? out : s.cache().resolve("ablation-" + scale.name() + "-" + source.key());
        ctx.out().println("loading the features ...");
        List<DownstreamData> tasks = new ArrayList<>();
        tasks.add(DownstreamCorpus.load(data, Task.GENRE, parts.filtered, null, ctx));
        if (ablation.tagsData != null) tasks.add(DownstreamCorpus.load(ablation.tagsData, Task.TAGS, null, parts.audio, ctx));
        ctx.out().println(source.note());
        List<float[][]> clips = TrainingClips.load(source.source(), false, s.cache(), PretrainMagic.THREADS,
                new PrintWriter(ctx.output().err(), true), scale.cmvnPieceFrames());
        Engine engine = Engines.pytorch(PretrainMagic.THREADS);
        Device device = Engines.device(engine, s.device());
        ctx.out().println(paper.key() + ": " + scale.describe() + "; " + paper.rows().size() + " rows, " + device + "; work folder " + work);
        Files.createDirectories(work);
        Path csv = work.resolve(paper.key() + ".csv");
        AblationTable result = Ablation.run(engine, device, paper.rows(), scale, clips, source.describe(clips.size()), tasks, work,
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
        Files.writeString(work.resolve(paper.key() + ".md"), result.markdown());
        ctx.out().println("written: " + work.resolve(paper.key() + ".csv") + ", " + work.resolve(paper.key() + ".md"));
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
        return paper.key();
    }
}
