package org.musicoder.kernel.display;

import java.util.Map;
import java.util.Optional;
import org.musicoder.features.FeatureConfig;
import org.musicoder.features.Features;
import org.musicoder.kernel.view.FeatureView;
import org.musicoder.kernel.view.LossCurve;
import org.musicoder.kernel.view.MaskView;
import org.musicoder.masking.Masked;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * Turns cell values into MIME bundles, for one kernel session (make a new one when the kernel restarts). The
 * session's first figure carries plotly.js ({@link PlotlyLibrary#loaderScript()}); later ones only call it.
 * Thread-safe.
 *
 * <p>Values with a view: Tablesaw {@link Table}, Plotly {@link Figure}, {@link Features} (heatmap of the
 * normalised features), {@link Masked} (the masking view, with the paper's blocks when it has 324 dims),
 * {@link LossCurve} (its figure).
 */
public final class Renderers {
    private boolean loaderSent;

    /**
     * @param value a cell's value (may be null)
     * @return its bundle (mime type -> data, see {@link FigureBundle} and {@link TableBundle}), or empty if the
     *         value has no rich view (the kernel then shows its {@code toString()})
     */
    public Optional<Map<String, Object>> render(Object value) {
        if (value instanceof Table t) return Optional.of(TableBundle.of(t));
        Figure f = figureOf(value);
        return f == null ? Optional.empty() : Optional.of(figure(f));
    }

    /**
     * @param figure a figure to show as a new output
     * @return its bundle; with the plotly.js loader if no figure of this session had it yet
     */
    public Map<String, Object> figure(Figure figure) {
        boolean withLoader;
        synchronized (this) {
            withLoader = !loaderSent;
            loaderSent = true;
        }
        return FigureBundle.of(figure, withLoader);
    }

    /**
     * A bundle for {@code update_display_data}: it replaces a shown bundle in the notebook, so it carries the
     * loader iff that one did (else the notebook would lose the library once training's last update lands).
     *
     * @param value      the new value (a figure or any value {@link #render} draws as one, or a table)
     * @param withLoader whether the replaced bundle carried the loader ({@link #carriesLoader})
     * @param image      whether a figure gets its static image (false for a live display's intermediate states)
     * @return the new bundle
     * @throws IllegalArgumentException if the value has no view
     */
    public Map<String, Object> update(Object value, boolean withLoader, boolean image) {
        if (value instanceof Table t) return TableBundle.of(t);
        Figure f = figureOf(value);
        if (f == null) throw new IllegalArgumentException("display update: no view for " + describe(value));
        return FigureBundle.of(f, withLoader, image);
    }

    /** @return whether this session already sent plotly.js */
    public synchronized boolean loaderSent() {
        return loaderSent;
    }

    /**
     * @param bundle a bundle made here
     * @return whether its HTML defines plotly.js
     */
    public static boolean carriesLoader(Map<String, Object> bundle) {
        Object html = bundle.get(MimeTypes.HTML);
        return html instanceof String s && s.contains("window." + PlotlyLibrary.GLOBAL + " = module.exports");
    }

    private static Figure figureOf(Object value) {
        if (value instanceof Figure f) return f;
        if (value instanceof Features x) return FeatureView.heatmap(x, "features");
        if (value instanceof Masked m) return MaskView.figure(m, FeatureConfig.PAPER, "masked input");
        if (value instanceof LossCurve c) return c.figure();
        return null;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
