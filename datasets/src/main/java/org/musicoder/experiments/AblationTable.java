package org.musicoder.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.Task;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The results of an ablation run as a Tablesaw {@link Table}: one line per row and metric, with the encoder, its
 * pretraining (objective, corpus, steps), the downstream corpus and protocol, the number of folds, our mean over
 * folds, the grid point kept on the first fold, and the paper's number.
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
            "pretraining steps", "corpus", "protocol", "metric", "folds", "ours", "grid point (first fold)", "paper");

    private final Table table;

    /**
     * An empty table.
     *
     * @param name its title
     */
    public AblationTable(String name) {
        table = Table.create(name, StringColumn.create(COLUMNS.get(0)), StringColumn.create(COLUMNS.get(1)),
                StringColumn.create(COLUMNS.get(2)), StringColumn.create(COLUMNS.get(3)), StringColumn.create(COLUMNS.get(4)),
                IntColumn.create(COLUMNS.get(5)), StringColumn.create(COLUMNS.get(6)), StringColumn.create(COLUMNS.get(7)),
                StringColumn.create(COLUMNS.get(8)), IntColumn.create(COLUMNS.get(9)), DoubleColumn.create(COLUMNS.get(10)),
                StringColumn.create(COLUMNS.get(11)), StringColumn.create(COLUMNS.get(12)));
    }

    /**
     * Adds a row's results on one corpus: accuracy (genre) or macro ROC-AUC and macro PR-AUC (tags), each the mean
     * over the folds.
     *
     * @param row the ablation row
     * @param encoder its encoder
     * @param pretrainCorpus what it was pretrained on
     * @param scale the budgets
     * @param data the downstream corpus
     * @param folds one result per fold
     */
    public void add(AblationRow row, MusiCoderConfig encoder, String pretrainCorpus, AblationScale scale,
                    DownstreamData data, List<FoldResult> folds) {
        if (data.task() == Task.GENRE) {
            line(row, encoder, pretrainCorpus, scale, data, folds, "accuracy (" + folds.get(0).reportedOn() + ")",
                    DownstreamRun.mean(folds.stream().mapToDouble(FoldResult::accuracy).toArray()),
                    paper(row.paperAccuracy(), "GTZAN, ten-fold"));
        } else {
            line(row, encoder, pretrainCorpus, scale, data, folds, "macro ROC-AUC (" + folds.get(0).reportedOn() + ")",
                    DownstreamRun.mean(folds.stream().mapToDouble(FoldResult::rocAuc).toArray()),
                    paper(row.paperRocAuc(), "MTG-Jamendo moodtheme"));
            line(row, encoder, pretrainCorpus, scale, data, folds, "macro PR-AUC (" + folds.get(0).reportedOn() + ")",
                    DownstreamRun.mean(folds.stream().mapToDouble(FoldResult::prAuc).toArray()),
                    paper(row.paperPrAuc(), "MTG-Jamendo moodtheme"));
        }
    }

    /**
     * Adds the hand-crafted baseline's line (Table 5's first row): its accuracy, the mean over the folds of
     * {@link HandCrafted#genre}, beside the paper's 87.9 % (an SVM on hand-crafted features, GTZAN ten-fold).
     *
     * @param data the downstream corpus (genre)
     * @param folds one result per fold
     */
    public void addHandCrafted(DownstreamData data, List<HandCrafted.Result> folds) {
        table.stringColumn(0).append("Table 5");
        table.stringColumn(1).append("Hand-crafted features + linear classifier");
        table.stringColumn(2).append("clip mean and std of the raw features (648), logistic regression");
        table.stringColumn(3).append("none");
        table.stringColumn(4).append("-");
        table.intColumn(5).append(0);
        table.stringColumn(6).append(data.corpus());
        table.stringColumn(7).append(data.protocol());
        table.stringColumn(8).append("accuracy (" + data.folds().get(0).reportedOn() + ")");
        table.intColumn(9).append(folds.size());
        table.doubleColumn(10).append(DownstreamRun.mean(folds.stream().mapToDouble(HandCrafted.Result::reported).toArray()));
        table.stringColumn(11).append("C=" + folds.get(0).c());
        table.stringColumn(12).append(paper(87.9, "GTZAN, ten-fold; the paper's classifier is an SVM"));
    }

    private void line(AblationRow row, MusiCoderConfig encoder, String pretrainCorpus, AblationScale scale,
                      DownstreamData data, List<FoldResult> folds, String metric, double ours, String paper) {
        table.stringColumn(0).append(row.table());
        table.stringColumn(1).append(row.model());
        table.stringColumn(2).append(String.format(Locale.ROOT, "%s (%d layers, H %d, %.2fM)", encoder.name(),
                encoder.layers(), encoder.hidden(), encoder.parameterCount() / 1e6));
        table.stringColumn(3).append(row.pretraining());
        table.stringColumn(4).append(row.objective() == null ? "-" : pretrainCorpus);
        table.intColumn(5).append(row.objective() == null ? 0 : (int) scale.pretrainSteps());
        table.stringColumn(6).append(data.corpus());
        table.stringColumn(7).append(data.protocol());
        table.stringColumn(8).append(metric);
        table.intColumn(9).append(folds.size());
        table.doubleColumn(10).append(ours);
        table.stringColumn(11).append(folds.get(0).search().bestPoint().toString());
        table.stringColumn(12).append(paper);
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
     * Writes the table as CSV (Tablesaw's writer: a header line, then one line per result).
     *
     * @param file the CSV file (its folder is created)
     * @throws IOException if it cannot be written
     */
    public void writeCsv(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        table.write().csv(file.toString());
    }

    /**
     * A Markdown table of the main columns (model, pretraining, corpus, metric, folds, ours, paper), for the README.
     *
     * @return the Markdown text
     */
    public String markdown() {
        StringBuilder sb = new StringBuilder("| model | encoder | pretraining | corpus | metric | folds | ours | paper |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < table.rowCount(); i++)
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %.4f | %s |%n", table.stringColumn(1).get(i),
                    table.stringColumn(2).get(i), table.stringColumn(3).get(i), table.stringColumn(6).get(i),
                    table.stringColumn(8).get(i), table.intColumn(9).get(i), table.doubleColumn(10).get(i),
                    table.stringColumn(12).get(i)));
        return sb.toString();
    }
}
