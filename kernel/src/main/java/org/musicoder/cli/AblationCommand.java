package org.musicoder.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.musicoder.cli.options.AblationOptions;
import org.musicoder.cli.options.PaperTables;
import org.musicoder.cli.options.RunOptions;
import org.musicoder.experiments.Ablation;
import org.musicoder.experiments.AblationScale;
import org.musicoder.experiments.AblationTable;
import org.musicoder.experiments.DownstreamData;
import org.musicoder.experiments.PretrainCorpus;
import org.musicoder.model.Engines;
import org.musicoder.model.Task;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code table5} and {@code table6}: the paper's ablation tables, end to end. */
abstract class AblationCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "demo|DIR", description = "demo (demo scale, embedded corpus) or a GTZAN folder.")
    String data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Results (CSV) and pretrained encoders (OUT/pretrain/..., reused when present).")
    Path out;

    @Mixin AblationOptions ablation;

    @Mixin RunOptions run;

    @Mixin DownstreamOptions corpus;

    private final PaperTables paper;

    AblationCommand(PaperTables paper) {
        this.paper = paper;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        boolean demo = data.equals("demo");
        String bad = run.check();
        if (bad != null) return usage(err, bad);
        AblationScale scale;
        PretrainCorpus source;
        try {
            scale = ablation.scale(demo);
            source = ablation.corpus(demo, corpus.cacheDir());
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        Engine engine = Engines.pytorch(run.threads);
        Device dev = Engines.device(engine, run.device);
        List<DownstreamData> tasks = new ArrayList<>();
        tasks.add(corpus.load(data, Task.GENRE, run.threads, err));
        if (ablation.tagsData != null) tasks.add(corpus.load(ablation.tagsData, Task.TAGS, run.threads, err));
        err.println("musicoder " + paper.key() + ": " + source.note());
        List<float[][]> clips = TrainingClips.load(source.source(), false, corpus.cacheDir(), run.threads, err, scale.cmvnPieceFrames());
        err.printf(Locale.ROOT, "musicoder %s: %s; %d rows, %s, %d PyTorch threads%n", paper.key(), scale.describe(), paper.rows().size(), dev,
                Engines.threads());
        err.flush();
        Path csv = out.resolve(paper.key() + ".csv");
        FineTuneProgress progress = new FineTuneProgress(err, "score") {
            @Override
            public void added(AblationTable t) {
                try {
                    save(t, csv);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        AblationTable table;
        try {
            table = Ablation.run(engine, dev, paper.rows(), scale, clips, source.describe(clips.size()), tasks, out, progress);
        } finally {
            progress.finish();
        }
        save(table, csv);
        outw.println(table.table().printAll());
        outw.println();
        outw.print(table.markdown());
        outw.printf("%s, %s%n", csv, out.resolve(paper.key() + ".md"));
        outw.flush();
        return 0;
    }

    /** Writes the CSV and the Markdown table (after every row, so an interrupted run keeps its finished rows). */
    private void save(AblationTable table, Path csv) throws IOException {
        Files.createDirectories(out);
        table.writeCsv(csv);
        Files.writeString(out.resolve(paper.key() + ".md"), table.markdown());
    }

    private int usage(PrintWriter err, String message) {
        err.println("musicoder " + paper.key() + ": " + message);
        err.flush();
        return 2;
    }
}
