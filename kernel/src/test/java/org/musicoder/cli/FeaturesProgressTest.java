package org.musicoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The features bar: drawn in place on a terminal, with counts, rate and time left; nothing otherwise. */
class FeaturesProgressTest {
    @Test
    void drawsInPlaceOnATerminalAndEndsWithALine() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        FeaturesProgress bar = new FeaturesProgress(new PrintWriter(text), true, 4, clock::get);
        clock.set(500_000_000L);
        bar.clear();
        bar.finished(true);
        assertTrue(text.toString().endsWith("\rfeatures 1/4 [######..................] 2.0 clips/s ETA 2s\033[K"), text.toString());
        bar.clear();
        assertTrue(text.toString().endsWith("\r\033[K"), "erased before the next file's lines");
        clock.set(1_000_000_000L);
        bar.finished(false);
        assertTrue(text.toString().endsWith("features 2/4 [############............] 2.0 clips/s ETA 1s, 1 failed\033[K"), text.toString());
        clock.set(2_000_000_000L);
        bar.clear();
        bar.finished(true);
        bar.clear();
        bar.finished(true);
        assertTrue(text.toString().endsWith("\rfeatures 4/4 [########################] 2.0 clips/s in 2.0 s, 1 failed\033[K\n"), text.toString());
        int before = text.toString().length();
        bar.clear();
        assertEquals(before, text.toString().length(), "the last bar stays");
    }

    @Test
    void drawsNothingOffATerminalOrForOneFile() {
        StringWriter text = new StringWriter();
        FeaturesProgress pipe = new FeaturesProgress(new PrintWriter(text), false, 3);
        pipe.finished(true);
        pipe.clear();
        pipe.finished(false);
        FeaturesProgress one = new FeaturesProgress(new PrintWriter(text), true, 1);
        one.finished(true);
        assertEquals("", text.toString());
    }
}
