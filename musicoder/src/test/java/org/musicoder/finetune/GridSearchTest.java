package org.musicoder.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grid expansion, parsing and the choice of the best point on validation. */
class GridSearchTest {
    @Test
    void paperGridIsTable4() {
        List<GridPoint> p = Grid.PAPER.points();
        assertEquals(3 * 3 * 3 * 2, p.size());
        assertEquals(new GridPoint(16, 2e-5, 2, 0.05f), p.get(0));
        assertEquals(new GridPoint(16, 2e-5, 2, 0.1f), p.get(1));
        assertEquals(new GridPoint(32, 5e-5, 4, 0.1f), p.get(53));
    }

    @Test
    void parsesASpecification() {
        Grid g = Grid.parse("batch=8,16;lr=1e-3;epochs=4;dropout=0.05,0.1");
        assertEquals(List.of(8, 16), g.batch());
        assertEquals(List.of(1e-3), g.lr());
        assertEquals(4, g.points().size());
        assertEquals(Grid.PAPER, Grid.parse("paper"));
        assertThrows(IllegalArgumentException.class, () -> Grid.parse("batch=8;lr=1e-3"));
        assertThrows(IllegalArgumentException.class, () -> Grid.parse("batch=x;lr=1e-3;epochs=1;dropout=0"));
    }

    @Test
    void keepsTheBestValidationScore() throws Exception {
        List<GridPoint> points = Grid.parse("batch=1;lr=1,2,3,4,5;epochs=1;dropout=0").points();
        double[] scores = {0.2, 0.7, Double.NaN, 0.9, 0.4};
        List<Integer> ran = new ArrayList<>();
        GridSearch.Result<String> r = GridSearch.run(points, (i, p) -> {
            ran.add(i);
            return new GridSearch.Scored<>(scores[i], "weights of " + p.lr());
        });
        assertEquals(List.of(0, 1, 2, 3, 4), ran);
        assertEquals(3, r.best());
        assertEquals("weights of 4.0", r.value());
        assertEquals(0.9, r.bestScore());
        assertArrayEquals(scores, r.scores());
    }

    @Test
    void tiesKeepTheEarlierPointAndNaNNeverWins() throws Exception {
        List<GridPoint> points = Grid.parse("batch=1;lr=1,2,3;epochs=1;dropout=0").points();
        double[] tie = {Double.NaN, 0.5, 0.5};
        assertEquals(1, GridSearch.run(points, (i, p) -> new GridSearch.Scored<>(tie[i], i)).best());
        double[] nan = {Double.NaN, Double.NaN, Double.NaN};
        assertEquals(0, GridSearch.run(points, (i, p) -> new GridSearch.Scored<>(nan[i], i)).best());
    }

    @Test
    void scheduleWarmsUpThenDecays() {
        WarmupLinear s = new WarmupLinear(1e-3, 20);
        assertEquals(2, s.warmup());
        assertEquals(0.5e-3, s.at(1), 1e-18);
        assertEquals(1e-3, s.at(2), 1e-18);
        assertEquals(1e-3 * 18 / 19, s.at(3), 1e-18);
        assertEquals(1e-3 / 19, s.at(20), 1e-18);
        assertEquals(1e-3, new WarmupLinear(1e-3, 1).at(1), 0);
    }
}
