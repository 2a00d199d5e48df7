package org.musicoder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.musicoder.kernel.display.Renderers;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.ScatterTrace;

class DisplayTest {
    private static Figure points(double y) {
        return new Figure(ScatterTrace.builder(new double[] {0, 1}, new double[] {y, 2 * y}).build());
    }

    private static boolean loader(DisplayData d) {
        return Renderers.carriesLoader(Map.of(MIMEType.TEXT_HTML.toString(), d.getData(MIMEType.TEXT_HTML)));
    }

    @Test
    void onlyTheDisplayThatCarriedPlotlyJsIsRememberedAndItsUpdatesKeepTheLibrary() {
        Display display = new Display(new Renderer());
        DisplayData first = display.render(points(1));
        display.shown("first", first);
        for (int i = 0; i < 100; i++) display.shown("live-" + i, display.render(points(i)));
        assertEquals(1, display.remembered(), "a long session's live displays are not kept");
        assertTrue(loader(first));
        assertTrue(loader(display.update("first", points(5))));
        assertFalse(loader(display.update("live-7", points(5))));
    }
}
