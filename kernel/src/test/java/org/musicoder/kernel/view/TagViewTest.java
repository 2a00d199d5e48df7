package org.musicoder.kernel.view;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

class TagViewTest {
    static final List<String> LABELS = List.of("rock", "jazz", "a<b>", "metal", "pop");
    static final double[] P = {0.1, 0.5, 0.3, 0.9, 0.3};

    @Test
    void topKLabelsMostProbableFirstTiesInLabelOrder() {
        Table t = TagView.table(LABELS, P, 4);
        assertEquals(List.of("metal", "jazz", "a<b>", "pop"), t.stringColumn("label").asList());
        assertEquals(List.of(1, 2, 3, 4), t.intColumn("rank").asList());
        assertEquals(List.of(0.9, 0.5, 0.3, 0.3), t.doubleColumn("probability").asList());
        assertEquals(5, TagView.table(LABELS, P, 99).rowCount());
    }

    @Test
    void barsAreHorizontalMostProbableOnTopWithLabelsShownVerbatim() {
        Figure f = TagView.bars(LABELS, P, 3, "tags");
        JsonObject bar = Figures.trace(f, 0);
        assertEquals("bar", bar.get("type").getAsString());
        assertEquals("h", bar.get("orientation").getAsString());
        // plotly draws the first category at the bottom; "<" is an entity plotly shows as "<"
        assertEquals("[\"a&lt;b&gt;\",\"jazz\",\"metal\"]", bar.getAsJsonArray("y").toString());
        assertArrayEquals(new double[] {0.3, 0.5, 0.9}, Figures.numbers(bar.getAsJsonArray("x")));
    }

    @Test
    void mismatchedInputsAreRejectedWithTheirSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TagView.table(LABELS, new double[] {1}, 3));
        assertTrue(e.getMessage().contains("5 labels but 1 probabilities"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TagView.bars(LABELS, P, 0, "t"));
    }
}
