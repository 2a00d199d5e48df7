package org.musicoder.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.Task;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The results of an ablation run as a Tablesaw {@link Table}: one line per row and metric, with the encoder, its
 * pretraining (objective, corpus, steps), the downstream corpus and protocol, the number of folds, and our result
 * over the replicates: the seeds, n, mean and sample sd (ddof 1; empty for one seed) of the per-seed values (each the
 * mean over folds), {@code ours} as printed ({@code 0.433 +- 0.058 (n=3)}, {@link SeedSummary#format}), every
 * per-seed value, the grid point kept on the first fold per seed, and the paper's number.
 *
 * <p>A line's values accumulate: {@link #add} with another seed adds to the line of the same row, corpus and metric,
 * so the table written after every replicate shows the seeds done so far. The hand-crafted baseline is deterministic:
 * one value, n = 1, no sd.
 *
 * <p>The paper column holds the paper's number for the row and metric (Zhao and Guo 2020, Tables 5 and 6, in percent,
 * with the paper's protocol named), whatever corpus our line was run on, so a demo-scale line sits beside the number
 * it stands in for; {@value #PAPER_NOT_FOUND} where the paper reports none (e.g. GTZAN accuracy of a Table 6 row).
 */
public final class AblationTable {
    /** What a paper cell says when the paper has no number for the row and metric. */
    public static final String PAPER_NOT_FOUND = "n/a (not in the paper)";
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("table", "model", "encoder", "pretraining", "pretraining corpus",
            "pretraining steps", "corpus", "protocol", "metric", "folds", "seeds", "n", "mean", "sd", "ours", "per seed",
            "grid point (first fold)", "paper");

    /** One line: what it is, and one value (and kept grid point) per seed so far (no seed: the deterministic line). */
    private record Line(String table, String model, String encoder, String pretraining, String pretrainCorpus, int steps,
                        String corpus, String protocol, String metric, int folds, String paper, List<Long> seeds,
                        List<Double> values, List<String> points) {
        Line(String table, String model, String encoder, String pretraining, String pretrainCorpus, int steps, String corpus,
             String protocol, String metric, int folds, String paper) {
            this(table, model, encoder, pretraining, pretrainCorpus, steps, corpus, protocol, metric, folds, paper,
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        /** Appends a seed's value and kept grid point. */
        void add(long seed, double value, String point) {
            if (seeds.contains(seed)) throw new IllegalStateException(model + ", " + metric + ": seed " + seed + " was added already");
            seeds.add(seed);
            values.add(value);
            points.add(point);
        }

        boolean deterministic() {
            return seeds.isEmpty();
        }

        SeedSummary summary() {
            return SeedSummary.of(values.stream().mapToDouble(Double::doubleValue).toArray());
        }

        /** {@code seed 0: 0.4500; seed 1: 0.3000} ({@code 0.8500} for the deterministic line). */
        String perSeed(List<?> items, boolean numbers) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String v = numbers ? String.format(Locale.ROOT, "%.4f", (Double) items.get(i)) : String.valueOf(items.get(i));
                parts.add(deterministic() ? v : "seed " + seeds.get(i) + ": " + v);
            }
            return String.join("; ", parts);
        }
    }

    private final String name;
    private final List<Line> lines = new ArrayList<>();
    private Table table;

    /**
     * An empty table.
     *
     * @param name its title
     */
    public AblationTable(String name) {
        this.name = name;
        table = build();
    }

    /**
     * Adds one replicate of a row on one corpus: accuracy (genre) or macro ROC-AUC and macro PR-AUC (tags), each the
     * mean over the folds, to the row's lines (made on its first replicate).
     *
     * @param row the ablation row
     * @param encoder its encoder
     * @param pretrainCorpus what it was pretrained on
     * @param scale the budgets
     * @param data the downstream corpus
     * @param seed the replicate's seed (of pretraining and fine-tuning)
     * @param folds one result per fold
     */
    public void add(AblationRow row, MusiCoderConfig encoder, String pretrainCorpus, AblationScale scale,
                    DownstreamData data, long seed, List<FoldResult> folds) {
        String on = " (" + folds.get(0).reportedOn() + ")";
        String point = folds.get(0).search().bestPoint().toString();
        if (data.task() == Task.GENRE) {
            line(row, encoder, pretrainCorpus, scale, data, folds, "accuracy" + on, paper(row.paperAccuracy(), "GTZAN, ten-fold"))
                    .add(seed, DownstreamRun.mean(folds.stream().mapToDouble(FoldResult::accuracy).toArray()), point);
        } else {
            line(row, encoder, pretrainCorpus, scale, data, folds, "macro ROC-AUC" + on, paper(row.paperRocAuc(), "MTG-Jamendo moodtheme"))
                    .add(seed, DownstreamRun.mean(folds.stream().mapToDouble(FoldResult::rocAuc).toArray()), point);
            line(row, encoder, pretrainCorpus, scale, data, folds, "macro PR-AUC" + on, paper(row.paperPrAuc(), "MTG-Jamendo moodtheme"))
                    .add(seed, DownstreamRun.mean(folds.stream().mapToDouble(FoldResult::prAuc).toArray()), point);
        }
        table = build();
    }

    /**
     * Adds the hand-crafted baseline's line (Table 5's first row): its accuracy, the mean over the folds of
     * {@link HandCrafted#genre}, beside the paper's 87.9 % (an SVM on hand-crafted features, GTZAN ten-fold). It is
     * deterministic, so it has one value (n = 1) and no seed.
     *
     * @param data the downstream corpus (genre)
     * @param folds one result per fold
     */
    public void addHandCrafted(DownstreamData data, List<HandCrafted.Result> folds) {
        Line l = new Line("Table 5", "Hand-crafted features + linear classifier",
                "clip mean and std of the raw features (648), logistic regression", "none", "-", 0, data.corpus(),
                data.protocol(), "accuracy (" + data.folds().get(0).reportedOn() + ")", folds.size(),
                paper(87.9, "GTZAN, ten-fold; the paper's classifier is an SVM"));
        l.values.add(DownstreamRun.mean(folds.stream().mapToDouble(HandCrafted.Result::reported).toArray()));
        l.points.add("C=" + folds.get(0).c());
        lines.add(l);
        table = build();
    }

    /** The line of this row, corpus and metric, made if it is new. */
    private Line line(AblationRow row, MusiCoderConfig encoder, String pretrainCorpus, AblationScale scale,
                       DownstreamData data, List<FoldResult> folds, String metric, String paper) {
        for (Line l : lines)
            if (l.table.equals(row.table()) && l.model.equals(row.model()) && l.corpus.equals(data.corpus()) && l.metric.equals(metric))
                return l;
        Line l = new Line(row.table(), row.model(), String.format(Locale.ROOT, "%s (%d layers, H %d, %.2fM)", encoder.name(),
                encoder.layers(), encoder.hidden(), encoder.parameterCount() / 1e6), row.pretraining(),
                row.objective() == null ? "-" : pretrainCorpus, row.objective() == null ? 0 : (int) scale.pretrainSteps(),
                data.corpus(), data.protocol(), metric, folds.size(), paper);
        lines.add(l);
        return l;
    }

    /** The Tablesaw table of the lines so far. */
    private Table build() {
        StringColumn[] text = new StringColumn[COLUMNS.size()];
        Table t = Table.create(name);
        for (int c = 0; c < COLUMNS.size(); c++) {
            String col = COLUMNS.get(c);
            switch (col) {
                case "pretraining steps", "folds", "n" -> t.addColumns(IntColumn.create(col));
                case "mean", "sd" -> t.addColumns(DoubleColumn.create(col));
                default -> t.addColumns(text[c] = StringColumn.create(col));
            }
        }
        for (Line l : lines) {
            SeedSummary s = l.summary();
            List<String> cells = List.of(l.table, l.model, l.encoder, l.pretraining, l.pretrainCorpus, "", l.corpus, l.protocol,
                    l.metric, "", l.deterministic() ? "- (deterministic)" : l.seeds.stream().map(String::valueOf).collect(Collectors.joining(",")),
                    "", "", "", s.format(), l.perSeed(l.values, true), l.perSeed(l.points, false), l.paper);
            for (int c = 0; c < COLUMNS.size(); c++) if (text[c] != null) text[c].append(cells.get(c));
            t.intColumn("pretraining steps").append(l.steps);
            t.intColumn("folds").append(l.folds);
            t.intColumn("n").append(s.n());
            t.doubleColumn("mean").append(s.mean());
            t.doubleColumn("sd").append(s.sd());
        }
        return t;
    }

    /** {@code 94.2 % (GTZAN, ten-fold)}, or {@link #PAPER_NOT_FOUND} for NaN. */
    static String paper(double percent, String protocol) {
        return Double.isNaN(percent) ? PAPER_NOT_FOUND : String.format(Locale.ROOT, "%.2f %% (%s)", percent, protocol);
    }

    /** The Tablesaw table. */
    public Table table() {
        return table;
    }

    /**
     * Writes the table as CSV (Tablesaw's writer: a header line, then one line per result; an empty sd for one
     * seed).
     *
     * @param file the CSV file (its folder is created)
     * @throws IOException if it cannot be written
     */
    public void writeCsv(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        table.write().csv(file.toString());
    }

    /**
     * A Markdown table of the main columns, for the README: the same lines and numbers as the CSV, {@code ours} as
     * in the CSV (mean +- sd over the seeds, n), the per-seed values, the paper's number.
     *
     * @return the Markdown text
     */
    public String markdown() {
        List<String> cols = List.of("model", "encoder", "pretraining", "pretraining corpus", "pretraining steps", "corpus",
                "metric", "folds", "ours", "per seed", "paper");
        StringBuilder sb = new StringBuilder("| " + String.join(" | ", cols) + " |\n|" + "---|".repeat(cols.size()) + "\n");
        for (int i = 0; i < table.rowCount(); i++) {
            List<String> cells = new ArrayList<>();
            for (String c : cols) cells.add(table.column(c).getString(i));
            sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return sb.toString();
    }
}
