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
import org.musicoder.experiments.Ablation;
import org.musicoder.experiments.AblationRow;
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

    @Option(names = "--tags-data", paramLabel = "demo|DIR", description = "Adds the tagging columns: an MTG-Jamendo folder, or demo (the demo corpus's tags).")
    String tagsData;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Results (CSV) and pretrained encoders (OUT/pretrain/..., reused when present).")
    Path out;

    @Option(names = "--pretrain-data", paramLabel = "demo|debian-music|DIR",
            description = "What the encoders are pretrained on: demo (the demo corpus's train split), debian-music (after "
                    + "'corpus fetch debian-music') or a folder of audio (required with --data DIR; demo scale default: "
                    + "debian-music when fetched, else demo).")
    String pretrainData;

    @Option(names = "--pretrain-steps", paramLabel = "N",
            description = "Pretraining steps per encoder (demo default " + AblationScale.DEMO_PRETRAIN_STEPS + ", the cpu schedule; required with --data DIR).")
    Long pretrainSteps;

    @Option(names = "--seeds", paramLabel = "N|S1,S2,..",
            description = "Replicates: N (seeds 0..N-1) or a list; replicate s pretrains and fine-tunes with seed s "
                    + "(default: " + AblationScale.DEMO_SEEDS + " at demo scale, 1 otherwise).")
    String seeds;

    @Option(names = "--grid", paramLabel = "G", description = "Fine-tuning grid: paper, small, or a specification (default: small for demo, paper otherwise).")
    String grid;

    @Option(names = "--folds", paramLabel = "N", description = "Run only the first N folds (GTZAN has ten; default all).")
    Integer folds;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "2", description = "PyTorch threads, also feature threads (default 2).")
    int threads;

    @Option(names = "--device", paramLabel = "cpu|gpu", defaultValue = "cpu", description = "Where to train (default cpu).")
    String device;

    @Mixin DownstreamOptions corpus;

    /** The table's rows. */
    abstract List<AblationRow> rows();

    /** The file stem of the results, {@code table5} or {@code table6}. */
    abstract String name();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        boolean demo = data.equals("demo");
        if (threads < 1) return usage(err, "--threads must be >= 1, got " + threads);
        AblationScale scale;
        PretrainCorpus source;
        try {
            scale = AblationScale.of(demo, pretrainSteps, grid, folds, seeds);
            source = PretrainCorpus.choose(pretrainData, demo, corpus.cacheDir());
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        Engine engine = Engines.pytorch(threads);
        Device dev = Engines.device(engine, device);
        List<DownstreamData> tasks = new ArrayList<>();
        tasks.add(corpus.load(data, Task.GENRE, threads, err));
        if (tagsData != null) tasks.add(corpus.load(tagsData, Task.TAGS, threads, err));
        err.println("musicoder " + name() + ": " + source.note());
        List<float[][]> clips = TrainingClips.load(source.source(), false, corpus.cacheDir(), threads, err, scale.cmvnPieceFrames());
        err.printf(Locale.ROOT, "musicoder %s: %s; %d rows, %s, %d PyTorch threads%n", name(), scale.describe(), rows().size(), dev,
                Engines.threads());
        err.flush();
        Path csv = out.resolve(name() + ".csv");
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
            table = Ablation.run(engine, dev, rows(), scale, clips, source.describe(clips.size()), tasks, out, progress);
        } finally {
            progress.finish();
        }
        save(table, csv);
        outw.println(table.table().printAll());
        outw.println();
        outw.print(table.markdown());
        outw.printf("%s, %s%n", csv, out.resolve(name() + ".md"));
        outw.flush();
        return 0;
    }

    /** Writes the CSV and the Markdown table (after every row, so an interrupted run keeps its finished rows). */
    private void save(AblationTable table, Path csv) throws IOException {
        Files.createDirectories(out);
        table.writeCsv(csv);
        Files.writeString(out.resolve(name() + ".md"), table.markdown());
    }

    private int usage(PrintWriter err, String message) {
        err.println("musicoder " + name() + ": " + message);
        err.flush();
        return 2;
    }
}
