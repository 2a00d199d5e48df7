package org.musicoder.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw {@link Table} as a MIME bundle: {@code text/html} (a plain {@code <table>}, every name and value
 * HTML-escaped, numbers right-aligned, at most {@code maxRows} rows with a note saying how many there are) and
 * {@code text/plain} (Tablesaw's own printout of the same rows).
 */
public final class TableBundle {
    /** Rows shown by default. */
    public static final int DEFAULT_MAX_ROWS = 50;

    private TableBundle() {}

    /**
     * @param table a table
     * @return {@link #of(Table, int)} with {@link #DEFAULT_MAX_ROWS}
     */
    public static Map<String, Object> of(Table table) {
        return of(table, DEFAULT_MAX_ROWS);
    }

    /**
     * @param table   a table
     * @param maxRows rows to show, {@code >= 1}; the first ones
     * @return mime type -> string
     */
    public static Map<String, Object> of(Table table, int maxRows) {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put(MimeTypes.HTML, html(table, maxRows));
        bundle.put(MimeTypes.TEXT, table.print(maxRows));
        return bundle;
    }

    /**
     * @param table   a table
     * @param maxRows rows to show, {@code >= 1}
     * @return {@code <table class="dataframe musicoder-table">} with the table's name as caption, then a note
     *         {@code <p>first N of M rows</p>} if rows were left out
     */
    public static String html(Table table, int maxRows) {
        if (maxRows < 1) throw new IllegalArgumentException("TableBundle: maxRows must be >= 1, got " + maxRows);
        int rows = Math.min(maxRows, table.rowCount());
        StringBuilder sb = new StringBuilder();
        sb.append("<table class=\"dataframe musicoder-table\">\n");
        String name = table.name();
        if (name != null && !name.isBlank()) sb.append("<caption>").append(Html.escape(name)).append("</caption>\n");
        sb.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            sb.append("<th").append(align(c)).append('>').append(Html.escape(c.name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows; r++) {
            sb.append("<tr>");
            for (Column<?> c : table.columns()) {
                String v = c.isMissing(r) ? "" : c.getString(r);
                sb.append("<td").append(align(c)).append('>').append(Html.escape(v)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        if (rows < table.rowCount()) {
            sb.append("<p class=\"musicoder-table-note\"><em>first ").append(rows).append(" of ")
                    .append(table.rowCount()).append(" rows</em></p>\n");
        }
        return sb.toString();
    }

    private static String align(Column<?> c) {
        return c instanceof NumericColumn ? " style=\"text-align: right\"" : "";
    }
}
