package org.musicoder.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
 * shape and first values, anything else as its {@code toString()}. Remembers the first bundle of an updatable
 * display only if it carried plotly.js (once per kernel), so updates keep the library; other ids are not kept.
 */
public final class Display {
    private final Renderers renderers = new Renderers();
    private final Renderer fallback;
    private final Map<String, DisplayData> shown = new ConcurrentHashMap<>();

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
     * Remembers the bundle an updatable display showed first, if it carries plotly.js (else updates need nothing
     * of it, and keeping every display's bundle grew the heap by each {@code %pretrain}'s curve).
     *
     * @param id   its display id
     * @param data the bundle
     */
    void shown(String id, DisplayData data) {
        Object html = data.getData(MIMEType.TEXT_HTML);
        if (html != null && Renderers.carriesLoader(Map.of(MIMEType.TEXT_HTML.toString(), html))) shown.put(id, data);
    }

    /** How many first bundles are remembered (at most one per kernel: the one with plotly.js). */
    int remembered() {
        return shown.size();
    }

    /**
     * The bundle that replaces display {@code id} with {@code value} (keeping plotly.js if the first bundle had it).
     *
     * @param id    the display id
     * @param value the new value
     * @return the bundle
     */
    public DisplayData update(String id, Object value) {
        DisplayData first = shown.get(id);
        Object v = view(value);
        if (first == null || !(v instanceof Figure || v instanceof Table || v instanceof LossCurve)) return render(value);
        Map<String, Object> before = new LinkedHashMap<>();
        Object html = first.getData(MIMEType.TEXT_HTML);
        if (html != null) before.put(MIMEType.TEXT_HTML.toString(), html);
        return data(renderers.update(v, before));
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
