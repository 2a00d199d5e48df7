package org.musicoder.features;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Outcomes come in item order, a failure does not stop the rest, and finished results do not pile up. */
class FeatureBatchTest {
    @Test
    void outcomesInOrderWithFailuresInPlace() throws Exception {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        List<String> seen = new ArrayList<>();
        FeatureBatch.inOrder(items, 3, "t", i -> {
            if (i % 7 == 3) throw new IllegalArgumentException("bad " + i);
            return i * 2;
        }, (i, r, e) -> seen.add(i + ":" + (e == null ? r : e.getMessage())));
        assertEquals(50, seen.size());
        for (int i = 0; i < 50; i++) assertEquals(i + ":" + (i % 7 == 3 ? "bad " + i : i * 2), seen.get(i));
    }

    @Test
    void atMostTwiceTheThreadsAreStartedAheadOfASlowSink() throws Exception {
        int threads = 2;
        AtomicInteger started = new AtomicInteger(), consumed = new AtomicInteger(), most = new AtomicInteger();
        FeatureBatch.inOrder(IntStream.range(0, 200).boxed().toList(), threads, "t", i -> {
            most.accumulateAndGet(started.incrementAndGet() - consumed.get(), Math::max);
            return new float[1000];
        }, (i, r, e) -> {
            try {
                Thread.sleep(1); // a sink slower than the work, as a disk can be
            } catch (InterruptedException x) {
                throw new IllegalStateException(x);
            }
            consumed.incrementAndGet();
        });
        assertEquals(200, consumed.get());
        assertTrue(most.get() <= 2 * threads, "items started ahead of the sink: " + most.get());
        assertTrue(most.get() >= threads, "the workers ran ahead at all: " + most.get());
    }
}
