package org.musicoder.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.eval.GenreMetrics;
import org.musicoder.eval.TagMetrics;
import org.musicoder.finetune.Example;
import org.musicoder.finetune.GridPoint;
import org.musicoder.finetune.GridSearch;
import org.musicoder.model.Task;
import tech.tablesaw.api.Table;

/** The table's lines over seeds: accumulation, mean and sd, the deterministic line, CSV and Markdown alike. */
class AblationTableTest {
    static final GridPoint POINT = new GridPoint(8, 1e-3, 4, 0.1f);
    static final List<String> CLASSES = List.of("a", "b");

    @TempDir Path dir;

    /** A genre fold result whose accuracy is {@code right} of 4. */
    static FoldResult genre(int right) {
        int[] truth = {0, 1, 0, 1};
        int[] predicted = truth.clone();
        for (int i = right; i < 4; i++) predicted[i] = 1 - truth[i];
        return new FoldResult("f", new GridSearch.Result<>(List.of(POINT), new double[] {0.5}, 0, null), "test",
                GenreMetrics.of(predicted, truth, 2, CLASSES), null);
    }

    static FoldResult tags(double[][] scores) {
        boolean[][] labels = {{true, false}, {false, true}, {true, true}, {false, false}};
        return new FoldResult("f", new GridSearch.Result<>(List.of(POINT), new double[] {0.5}, 0, null), "test", null,
                TagMetrics.of(scores, labels, CLASSES));
    }

    static DownstreamData data(Task task) {
        Example e = new Example(new float[1][1], new float[] {1, 0}, new double[] {0, 1});
        return new DownstreamData("toy", "toy split", task, CLASSES, List.of(new Fold("f", List.of(e), List.of(e), List.of(e))));
    }

    @Test
    void seedsAccumulateIntoOneLinePerRowAndMetric() throws Exception {
        AblationTable t = new AblationTable("Table 6 (demo scale)");
        AblationScale scale = AblationScale.demo();
        AblationRow cfm = AblationRow.table6().get(2);
        t.addHandCrafted(data(Task.GENRE), List.of(new HandCrafted.Result(0.1, 0.5, 0.85)));
        t.add(cfm, scale.base(), "demo corpus train split (54 clips)", scale, data(Task.GENRE), 0, List.of(genre(2)));
        t.add(cfm, scale.base(), "demo corpus train split (54 clips)", scale, data(Task.TAGS), 0,
                List.of(tags(new double[][] {{0.9, 0.1}, {0.2, 0.8}, {0.7, 0.6}, {0.1, 0.3}})));
        t.add(cfm, scale.base(), "demo corpus train split (54 clips)", scale, data(Task.GENRE), 1, List.of(genre(3)));
        t.add(cfm, scale.base(), "demo corpus train split (54 clips)", scale, data(Task.GENRE), 2, List.of(genre(3)));
        Table tb = t.table();
        assertEquals(AblationTable.COLUMNS, tb.columnNames());
        assertEquals(4, tb.rowCount()); // hand-crafted, CFM accuracy, CFM ROC-AUC, CFM PR-AUC
        // hand-crafted: deterministic, n 1, no sd
        assertEquals("- (deterministic)", tb.stringColumn("seeds").get(0));
        assertEquals(1, tb.intColumn("n").get(0));
        assertTrue(tb.doubleColumn("sd").isMissing(0));
        assertEquals("0.850 (n=1)", tb.stringColumn("ours").get(0));
        assertEquals("0.8500", tb.stringColumn("per seed").get(0));
        // accuracies 0.50, 0.75, 0.75: mean 2/3; deviations -1/6, 1/12, 1/12; squares 1/36 + 2/144 = 1/24; / 2 = 1/48
        assertEquals("0,1,2", tb.stringColumn("seeds").get(1));
        assertEquals(3, tb.intColumn("n").get(1));
        assertEquals(2.0 / 3, tb.doubleColumn("mean").get(1), 1e-15);
        assertEquals(Math.sqrt(1.0 / 48), tb.doubleColumn("sd").get(1), 1e-15);
        assertEquals("0.667 +- 0.144 (n=3)", tb.stringColumn("ours").get(1));
        assertEquals("seed 0: 0.5000; seed 1: 0.7500; seed 2: 0.7500", tb.stringColumn("per seed").get(1));
        assertTrue(tb.stringColumn("grid point (first fold)").get(1).startsWith("seed 0: " + POINT + "; seed 1: "));
        assertEquals("81.38 % (MTG-Jamendo moodtheme)", tb.stringColumn("paper").get(2));
        // the tags lines have one seed so far: n 1, no sd
        assertEquals(1, tb.intColumn("n").get(2));
        assertTrue(tb.doubleColumn("sd").isMissing(2));
        assertEquals("macro PR-AUC (test)", tb.stringColumn("metric").get(3));
        assertEquals(300, tb.intColumn("pretraining steps").get(1));
        assertThrows(IllegalStateException.class,
                () -> t.add(cfm, scale.base(), "x", scale, data(Task.GENRE), 2, List.of(genre(3))), "a seed twice");

        Path csv = dir.resolve("t/table6.csv");
        t.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size());
        assertEquals(String.join(",", AblationTable.COLUMNS), lines.get(0));
        Table back = Table.read().csv(csv.toString());
        assertEquals("0.667 +- 0.144 (n=3)", back.stringColumn("ours").get(1));
        assertTrue(back.doubleColumn("sd").isMissing(0), lines.get(1)); // empty in the CSV
        String md = t.markdown();
        String[] rows = md.strip().split("\n");
        assertEquals(2 + 4, rows.length, md);
        assertTrue(rows[0].contains("| ours | per seed | paper |"), rows[0]);
        assertTrue(rows[3].contains("| 0.667 +- 0.144 (n=3) | seed 0: 0.5000; seed 1: 0.7500; seed 2: 0.7500 | n/a (not in the paper) |"), rows[3]);
        assertTrue(rows[2].contains("| 0.850 (n=1) | 0.8500 | 87.90 %"), rows[2]);
    }
}
