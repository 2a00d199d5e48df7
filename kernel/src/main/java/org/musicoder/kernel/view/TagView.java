package org.musicoder.kernel.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import tech.tablesaw.plotly.traces.BarTrace;

/** The {@code %tag} views: the K most probable labels as a bar chart and a table. */
public final class TagView {
    private TagView() {}

    /**
     * @param labels        label names, one per class
     * @param probabilities probability of each label, same length, in {@code [0, 1]}
     * @param topK          labels to keep, {@code >= 1} (all if larger than the label count)
     * @param title         figure title
     * @return horizontal bars, most probable at the top, x from 0 to 1
     */
    public static Figure bars(List<String> labels, double[] probabilities, int topK, String title) {
        List<Integer> top = top(labels, probabilities, topK);
        Object[] names = new Object[top.size()];
        double[] p = new double[top.size()];
        for (int i = 0; i < top.size(); i++) {                  // plotly draws the first bar at the bottom
            int k = top.get(top.size() - 1 - i);
            names[i] = Html.plotlyText(labels.get(k));
            p[i] = probabilities[k];
        }
        Layout layout = Layout.builder(title).height(Math.max(240, 60 + 28 * top.size())).width(700).showLegend(false)
                .margin(Margin.builder().left(180).right(30).top(50).bottom(40).build())
                .xAxis(Axis.builder().title("probability").range(0, 1).build())
                .yAxis(Axis.builder().type(Axis.Type.CATEGORY).build()).build();
        return new Figure(layout, BarTrace.builder(names, p).orientation(BarTrace.Orientation.HORIZONTAL)
                .name("probability").build());
    }

    /**
     * @param labels        label names
     * @param probabilities probability of each label, same length
     * @param topK          rows to keep, {@code >= 1}
     * @return columns {@code rank, label, probability}, most probable first
     */
    public static Table table(List<String> labels, double[] probabilities, int topK) {
        IntColumn rank = IntColumn.create("rank");
        StringColumn label = StringColumn.create("label");
        DoubleColumn prob = DoubleColumn.create("probability");
        List<Integer> top = top(labels, probabilities, topK);
        for (int i = 0; i < top.size(); i++) {
            rank.append(i + 1);
            label.append(labels.get(top.get(i)));
            prob.append(probabilities[top.get(i)]);
        }
        prob.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        return Table.create("top " + top.size() + " labels", rank, label, prob);
    }

    private static List<Integer> top(List<String> labels, double[] probabilities, int topK) {
        if (labels.size() != probabilities.length) {
            throw new IllegalArgumentException("tags: " + labels.size() + " labels but " + probabilities.length
                    + " probabilities");
        }
        if (topK < 1) throw new IllegalArgumentException("tags: top K must be >= 1, got " + topK);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) idx.add(i);
        idx.sort(Comparator.comparingDouble((Integer i) -> -probabilities[i]).thenComparing(i -> i));
        return idx.subList(0, Math.min(topK, idx.size()));
    }
}
