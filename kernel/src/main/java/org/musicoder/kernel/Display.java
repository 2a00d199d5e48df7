package org.musicoder.kernel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.musicoder.features.FeatureConfig;
import org.musicoder.kernel.display.Renderers;
import org.musicoder.kernel.magic.ClipMatrix;
import org.musicoder.kernel.magic.MaskedClip;
import org.musicoder.kernel.magic.Pretrained;
import org.musicoder.kernel.view.FeatureView;
import org.musicoder.kernel.view.LossCurve;
import org.musicoder.kernel.view.MaskView;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * How the kernel shows values, for one kernel process: Tablesaw tables and Plotly figures through the display
 * package ({@link Renderers}: plotly.js sent once per notebook), the magics' results through their views
 * (features as a heatmap, a mask draw as the masking view, a trained model as its loss curve), arrays as their
 * shape and first values, anything else as its {@code toString()}.
 *
 * <p>Updatable displays: an update keeps plotly.js where the first bundle had it. Figure updates leave their static
 * image out (a live curve updates every second and drawing one takes 30-150 ms); {@link #settle} sends each such
 * display's last state once more with its image, when the cell ends.
 */
public final class Display {
    private final Renderers renderers = new Renderers();
    private final Renderer fallback;
    private final Set<String> withLoader = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> drafts = new ConcurrentHashMap<>();

    /** @param fallback jjava's renderer (text/plain of {@code toString()} and the types it knows) */
    Display(Renderer fallback) {
        this.fallback = fallback;
    }

    /**
     * @param value any object (null shows {@code null})
     * @return its MIME bundle
     */
    public DisplayData render(Object value) {
        if (value instanceof DisplayData d) return d;
        if (value == null) return new DisplayData("null");
        if (value.getClass().isArray()) return new DisplayData(ArrayText.of(value, 100));
        Optional<Map<String, Object>> bundle = renderers.render(view(value));
        return bundle.map(Display::data).orElseGet(() -> fallback.render(value));
    }

    /**
     * Notes whether an updatable display's first bundle carried plotly.js (its updates must keep it).
     *
     * @param id   its display id
     * @param data the bundle
     */
    void shown(String id, DisplayData data) {
        Object html = data.getData(MIMEType.TEXT_HTML);
        if (html != null && Renderers.carriesLoader(Map.of(MIMEType.TEXT_HTML.toString(), html))) withLoader.add(id);
    }

    /** How many displays are remembered as carrying plotly.js (at most one per kernel). */
    int remembered() {
        return withLoader.size();
    }

    /**
     * The bundle that replaces display {@code id} with {@code value}. A figure's bundle has no static image; the
     * display is remembered until {@link #settle} sends it with one.
     *
     * @param id    the display id
     * @param value the new value
     * @return the bundle
     */
    public DisplayData update(String id, Object value) {
        Object v = view(value);
        if (!(v instanceof Figure || v instanceof Table || v instanceof LossCurve)) {
            drafts.remove(id);
            return render(value);
        }
        if (!(v instanceof Table)) drafts.put(id, value);
        return data(renderers.update(v, withLoader.contains(id), false));
    }

    /**
     * Sends the last state of every display updated without its static image, now with it (at the end of a cell;
     * a value that changed since, such as a growing loss curve, is drawn as it is now).
     *
     * @param output the cell's outputs
     */
    void settle(CellOutput output) {
        for (String id : List.copyOf(drafts.keySet())) {
            Object value = drafts.remove(id);
            if (value != null) output.update(id, data(renderers.update(view(value), withLoader.contains(id), true)));
        }
    }

    /** The view of the kernel's own result types; other values as they are. */
    private static Object view(Object value) {
        if (value instanceof ClipMatrix m) return FeatureView.heatmap(m.cmvn(), FeatureConfig.PAPER, m.name());
        if (value instanceof MaskedClip c)
            return MaskView.figure(c.masked(), FeatureConfig.PAPER, c.name() + ", " + c.objective() + ", seed " + c.seed());
        if (value instanceof Pretrained p) return p.curve();
        return value;
    }

    private static DisplayData data(Map<String, Object> bundle) {
        DisplayData d = new DisplayData();
        bundle.forEach(d::putData);
        return d;
    }
}
