package org.musicoder.kernel.view;

import java.util.ArrayList;
import java.util.List;
import org.musicoder.eval.ConfusionMatrix;
import org.musicoder.eval.GenreMetrics;
import org.musicoder.eval.TagMetrics;
import org.musicoder.kernel.display.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.traces.HeatmapTrace;

/** The {@code %eval} views: metric tables and the confusion matrix (the numbers come from org.musicoder.eval). */
public final class EvalView {
    private EvalView() {}

    /**
     * @param m     genre metrics
     * @param title what was evaluated (model, split)
     * @return one row: accuracy, clips, classes
     */
    public static Table summary(GenreMetrics m, String title) {
        int clips = 0;
        for (int[] row : m.confusion().counts()) for (int c : row) clips += c;
        DoubleColumn acc = DoubleColumn.create("accuracy", m.accuracy());
        acc.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        return Table.create(title, acc, IntColumn.create("clips", new int[] {clips}),
                IntColumn.create("classes", new int[] {m.confusion().classes()}));
    }

    /**
     * @param m     tag metrics
     * @param title what was evaluated
     * @return one row: macro ROC-AUC, macro PR-AUC, tags evaluated of all
     */
    public static Table summary(TagMetrics m, String title) {
        DoubleColumn roc = DoubleColumn.create("macro ROC-AUC", m.macroRocAuc());
        DoubleColumn pr = DoubleColumn.create("macro PR-AUC", m.macroPrAuc());
        roc.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        pr.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        return Table.create(title, roc, pr, IntColumn.create("tags evaluated", new int[] {m.evaluatedTags()}),
                IntColumn.create("tags", new int[] {m.tagNames().size()}));
    }

    /**
     * @param m tag metrics
     * @return one row per tag: ROC-AUC and PR-AUC (missing for a tag without positives or negatives)
     */
    public static Table perTag(TagMetrics m) {
        StringColumn tag = StringColumn.create("tag", m.tagNames());
        DoubleColumn roc = DoubleColumn.create("ROC-AUC");
        DoubleColumn pr = DoubleColumn.create("PR-AUC");
        double[] r = m.rocAuc();
        double[] p = m.prAuc();
        for (int i = 0; i < r.length; i++) {
            if (Double.isNaN(r[i])) roc.appendMissing(); else roc.append(r[i]);
            if (Double.isNaN(p[i])) pr.appendMissing(); else pr.append(p[i]);
        }
        roc.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        pr.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        return Table.create("per tag", tag, roc, pr);
    }

    /**
     * @param m genre metrics
     * @return the confusion matrix as a table: a {@code true} column, then one count column per predicted class
     */
    public static Table confusionTable(GenreMetrics m) {
        List<String> names = names(m);
        ConfusionMatrix c = m.confusion();
        Table t = Table.create("confusion matrix (rows: true, columns: predicted)", StringColumn.create("true", names));
        for (int p = 0; p < c.classes(); p++) {
            IntColumn col = IntColumn.create(names.get(p));
            for (int r = 0; r < c.classes(); r++) col.append(c.count(r, p));
            t.addColumns(col);
        }
        return t;
    }

    /**
     * @param m     genre metrics
     * @param title figure title
     * @return the confusion matrix as a heatmap: x the predicted class, y the true class (first class at the top)
     */
    public static Figure confusion(GenreMetrics m, String title) {
        List<String> names = names(m);
        ConfusionMatrix c = m.confusion();
        int n = c.classes();
        Object[] x = new Object[n];
        Object[] y = new Object[n];
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            x[i] = Html.plotlyText(names.get(i));
            y[i] = Html.plotlyText(names.get(n - 1 - i));
            for (int j = 0; j < n; j++) z[i][j] = c.count(n - 1 - i, j);
        }
        Layout layout = Layout.builder(title).height(Math.max(320, 120 + 40 * n)).width(Math.max(420, 200 + 60 * n))
                .margin(Margin.builder().left(140).bottom(100).top(50).right(30).build())
                .xAxis(Axis.builder().title("predicted").type(Axis.Type.CATEGORY).build())
                .yAxis(Axis.builder().title("true").type(Axis.Type.CATEGORY).build()).build();
        return new Figure(layout, HeatmapTrace.builder(x, y, z).build());
    }

    private static List<String> names(GenreMetrics m) {
        if (!m.classNames().isEmpty()) return m.classNames();
        List<String> n = new ArrayList<>();
        for (int i = 0; i < m.confusion().classes(); i++) n.add(Integer.toString(i));
        return n;
    }
}
