package org.musicoder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellHistoryTest {
    @Test
    void keepsTheLastMaxCells() {
        CellHistory h = new CellHistory();
        int n = CellHistory.MAX + 5;
        for (int i = 1; i <= n; i++) h.add(i, "cell " + i, null);
        assertEquals(CellHistory.MAX, h.tail(n, false).size());
        assertEquals(List.of(CellHistory.SESSION, n, "cell " + n), h.tail(1, false).get(0));
        assertEquals(List.of(), h.range(0, 1, 6, false));
        assertEquals(1, h.range(0, 6, 7, false).size());
    }
}
