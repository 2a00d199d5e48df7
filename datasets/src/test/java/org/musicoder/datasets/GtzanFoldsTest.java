package org.musicoder.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GtzanFoldsTest {
    private static final List<String> GENRES = List.of("blues", "classical", "country", "disco", "hiphop", "jazz",
            "metal", "pop", "reggae", "rock");

    /** GTZAN's 1000 clips minus jazz.00054. */
    private static List<Track> gtzan() {
        List<Track> t = new ArrayList<>();
        for (String g : GENRES)
            for (int i = 0; i < 100; i++) {
                String id = String.format("%s.%05d", g, i);
                if (!id.equals(Gtzan.CORRUPT)) t.add(new Track(id, Path.of(id + ".au"), List.of(g), null));
            }
        return t;
    }

    private static Set<String> ids(List<Track> l) {
        Set<String> s = new HashSet<>();
        l.forEach(t -> s.add(t.id()));
        return s;
    }

    @Test
    void tenFoldsOf80TrainAnd20ValidationPerGenre() {
        List<Track> tracks = gtzan();
        List<Split> folds = GtzanFolds.folds(tracks, GtzanFolds.DEFAULT_SEED);
        assertEquals(10, folds.size());
        for (int k = 0; k < 10; k++) {
            Split f = folds.get(k);
            assertEquals("fold-" + k, f.name());
            assertTrue(f.test().isEmpty());
            assertEquals(999, f.train().size() + f.validation().size());
            assertTrue(Collections.disjoint(ids(f.train()), ids(f.validation())));
            for (String g : GENRES) {
                long val = f.validation().stream().filter(t -> t.labels().get(0).equals(g)).count();
                long train = f.train().stream().filter(t -> t.labels().get(0).equals(g)).count();
                if (g.equals("jazz")) {
                    assertEquals(99, val + train);
                    assertTrue(val == 19 || val == 20, "jazz validation " + val);
                } else {
                    assertEquals(20, val, g + " fold " + k);
                    assertEquals(80, train, g + " fold " + k);
                }
            }
        }
    }

    @Test
    void eachSongIsHeldOutOncePerRound() {
        List<Split> folds = GtzanFolds.folds(gtzan(), 3);
        for (int round = 0; round < 2; round++) {
            Map<String, Integer> held = new HashMap<>();
            for (int b = 0; b < 5; b++)
                for (Track t : folds.get(5 * round + b).validation()) held.merge(t.id(), 1, Integer::sum);
            assertEquals(999, held.size());
            assertTrue(held.values().stream().allMatch(n -> n == 1));
        }
        assertNotEquals(ids(folds.get(0).validation()), ids(folds.get(5).validation()));
    }

    @Test
    void deterministicPerSeedAndIndependentOfInputOrder() {
        List<Track> tracks = gtzan();
        List<Track> shuffled = new ArrayList<>(tracks);
        Collections.shuffle(shuffled, new Random(99));
        List<Split> a = GtzanFolds.folds(tracks, 11);
        List<Split> b = GtzanFolds.folds(shuffled, 11);
        List<Split> c = GtzanFolds.folds(tracks, 12);
        for (int k = 0; k < 10; k++) {
            assertEquals(ids(a.get(k).validation()), ids(b.get(k).validation()));
            assertEquals(a.get(k), GtzanFolds.folds(tracks, 11).get(k));
        }
        assertNotEquals(ids(a.get(0).validation()), ids(c.get(0).validation()));
        assertEquals(ids(a.get(5).validation()), ids(c.get(0).validation())); // round 1 of seed 11 = round 0 of 12
    }
}
