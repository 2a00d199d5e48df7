package org.musicoder.datasets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The paper's ten GTZAN folds, each holding out 20% of every genre (80 train / 20 validation songs per genre for
 * the full 100-song genres), drawn as two seeded rounds of a 5-block rotation:
 * <ol>
 *   <li>Tracks are grouped by genre (their first label); genres in sorted order, tracks sorted by id.</li>
 *   <li>For round {@code r} in {0, 1}, one {@code new java.util.Random(seed + r)} shuffles each genre in turn
 *       (genres in sorted order) by Fisher-Yates: for {@code i = n-1} down to 1, swap {@code i} with
 *       {@code rnd.nextInt(i + 1)}.</li>
 *   <li>A shuffled genre of {@code n} tracks is cut into 5 blocks, block {@code b} = positions
 *       {@code [floor(b n / 5), floor((b + 1) n / 5))}.</li>
 *   <li>Fold {@code k = 5 r + b} validates on block {@code b} of every genre (round {@code r}) and trains on the
 *       rest; its test list is empty (the held-out block is the fold's evaluation set).</li>
 * </ol>
 * So each song is held out exactly twice, once per round, and folds of the same round never share a held-out song.
 * Within a fold, train and validation keep the input order. With {@code jazz.00054} skipped, jazz (99 songs) gives
 * blocks of 19 or 20.
 */
public final class GtzanFolds {
    /** Number of folds. */
    public static final int FOLDS = 10;
    /** Blocks per round (5 blocks = 20% held out). */
    public static final int BLOCKS = 5;
    /** Base seed used when none is given. */
    public static final long DEFAULT_SEED = 2020;

    private GtzanFolds() {}

    /**
     * The ten folds.
     *
     * @param tracks labelled tracks (genre = first label), in the order the folds' lists should keep
     * @param seed   base seed; round {@code r} uses {@code seed + r}
     * @return splits {@code fold-0} .. {@code fold-9}
     * @throws IllegalArgumentException if a track has no label
     */
    public static List<Split> folds(List<Track> tracks, long seed) {
        Map<String, List<Track>> byGenre = new TreeMap<>();
        for (Track t : tracks) {
            if (t.labels().isEmpty()) throw new IllegalArgumentException(t.id() + ": GTZAN track without a genre");
            byGenre.computeIfAbsent(t.labels().get(0), g -> new ArrayList<>()).add(t);
        }
        byGenre.values().forEach(l -> l.sort((a, b) -> a.id().compareTo(b.id())));
        List<Split> folds = new ArrayList<>();
        for (int round = 0; round < FOLDS / BLOCKS; round++) {
            Random rnd = new Random(seed + round);
            List<List<Track>> shuffled = new ArrayList<>();
            for (List<Track> genre : byGenre.values()) shuffled.add(shuffle(genre, rnd));
            for (int b = 0; b < BLOCKS; b++) {
                Set<Track> held = new HashSet<>();
                for (List<Track> g : shuffled) held.addAll(g.subList(b * g.size() / BLOCKS, (b + 1) * g.size() / BLOCKS));
                List<Track> train = new ArrayList<>();
                List<Track> validation = new ArrayList<>();
                for (Track t : tracks) (held.contains(t) ? validation : train).add(t);
                folds.add(new Split("fold-" + (round * BLOCKS + b), train, validation, List.of()));
            }
        }
        return folds;
    }

    private static List<Track> shuffle(List<Track> in, Random rnd) {
        List<Track> l = new ArrayList<>(in);
        for (int i = l.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Track t = l.get(i);
            l.set(i, l.get(j));
            l.set(j, t);
        }
        return l;
    }
}
