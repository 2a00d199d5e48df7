package org.musicoder.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.musicoder.datasets.Dataset;
import org.musicoder.datasets.DemoClip;
import org.musicoder.datasets.DemoCorpus;
import org.musicoder.datasets.Gtzan;
import org.musicoder.datasets.GtzanFolds;
import org.musicoder.datasets.MtgJamendo;
import org.musicoder.datasets.Split;
import org.musicoder.datasets.SplitPart;
import org.musicoder.datasets.Track;
import org.musicoder.eval.Standardizer;
import org.musicoder.features.Cmvn;
import org.musicoder.features.FeatureConfig;
import org.musicoder.finetune.Example;
import org.musicoder.model.Task;

/**
 * The downstream corpora with their protocols, as {@link DownstreamData}:
 * <ul>
 *   <li><b>demo</b>: the embedded demo corpus's own split by source track (54 train / 20 validation / 20 test
 *       clips); genre = its 5 style classes, tags = its 16 tags; selection on validation, report on test;</li>
 *   <li><b>GTZAN, ten folds</b> (the paper's): per fold 80 train / 20 held-out songs per genre (seeded,
 *       {@link GtzanFolds}); the grid point is chosen on the held-out songs and the same songs are reported, as in
 *       the paper; mean over folds. Known to be inflated by repeated artists and excerpts;</li>
 *   <li><b>GTZAN, fault-filtered</b> (Kereliuk, Sturm and Larsen 2015): artist-disjoint train/validation/test
 *       lists; selection on validation, report on test;</li>
 *   <li><b>MTG-Jamendo moodtheme</b>: the official split (e.g. split-0) train/validation/test, 56 tags.</li>
 * </ul>
 */
public final class Downstream {
    private Downstream() {}

    /**
     * The demo corpus.
     *
     * @param task genre (style classes) or tags
     * @param cacheDir cache folder ({@code demo-clips/} and {@code features/} below it)
     * @param threads feature threads
     * @param warn unreadable clips
     * @return the data, one fold named {@code demo}
     * @throws IOException if the clips cannot be extracted
     * @throws InterruptedException if interrupted
     */
    public static DownstreamData demo(Task task, Path cacheDir, int threads, Consumer<String> warn)
            throws IOException, InterruptedException {
        DemoCorpus corpus = DemoCorpus.load();
        List<Track> tracks = new ArrayList<>();
        List<SplitPart> parts = new ArrayList<>();
        for (DemoClip c : corpus.clips()) {
            Path audio = corpus.extract(c, cacheDir.resolve("demo-clips"));
            tracks.add(new Track(c.id(), audio, task == Task.GENRE ? List.of(c.styleClass()) : c.tags(), null));
            parts.add(c.split());
        }
        List<String> labels = task == Task.GENRE ? List.copyOf(corpus.classes()) : Dataset.vocabularyOf(tracks);
        Map<Path, float[][]> f = features(tracks, cacheDir, threads, warn);
        List<List<Example>> split = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < tracks.size(); i++) {
            Example e = example(tracks.get(i), labels, f);
            if (e != null) split.get(parts.get(i).ordinal()).add(e);
        }
        return new DownstreamData("demo corpus (94 clips of 10 s, " + labels.size() + (task == Task.GENRE ? " style classes)" : " tags)"),
                "demo split by source track (54/20/20 clips): grid point chosen on validation, reported on test",
                task, labels, List.of(new Fold("demo", split.get(0), split.get(1), split.get(2))));
    }

    /**
     * GTZAN with the paper's ten folds, or the fault-filtered split when {@code filteredLists} is given.
     *
     * @param root the folder holding {@code genres/} (or {@code genres} itself)
     * @param filteredLists folder with {@link Gtzan#FILTERED_LISTS}, or null for the ten folds
     * @param seed the folds' seed
     * @param cacheDir feature cache folder
     * @param threads feature threads
     * @param warn skipped files
     * @return the data
     * @throws IOException if the corpus cannot be read
     * @throws InterruptedException if interrupted
     */
    public static DownstreamData gtzan(Path root, Path filteredLists, long seed, Path cacheDir, int threads,
                                       Consumer<String> warn) throws IOException, InterruptedException {
        Dataset d = filteredLists == null ? Gtzan.read(root, seed, warn) : Gtzan.readFiltered(root, filteredLists, warn);
        String protocol = filteredLists == null
                ? "GTZAN random ten folds (80/20 songs per genre, seed " + seed + "): grid point chosen on the held-out "
                        + "songs, which are also reported (the paper's protocol; inflated by repeated artists), mean over folds"
                : "GTZAN fault-filtered artist-disjoint split (Kereliuk, Sturm and Larsen 2015): chosen on validation, reported on test";
        return of("GTZAN", protocol, Task.GENRE, d, cacheDir, threads, warn);
    }

    /**
     * MTG-Jamendo moodtheme, one official split.
     *
     * @param splitDir folder with {@link MtgJamendo#FILES} (e.g. {@code .../splits/split-0})
     * @param audioRoot the folder the PATH column is relative to
     * @param cacheDir feature cache folder
     * @param threads feature threads
     * @param warn skipped files
     * @return the data, one fold named after the split
     * @throws IOException if the corpus cannot be read
     * @throws InterruptedException if interrupted
     */
    public static DownstreamData mtgJamendo(Path splitDir, Path audioRoot, Path cacheDir, int threads, Consumer<String> warn)
            throws IOException, InterruptedException {
        Dataset d = MtgJamendo.read(splitDir, audioRoot, MtgJamendo.MOODTHEME_TAGS, warn);
        return of("MTG-Jamendo moodtheme", "MTG-Jamendo autotagging_moodtheme " + splitDir.getFileName()
                + " (official train/validation/test): chosen on validation, reported on test", Task.TAGS, d, cacheDir, threads, warn);
    }

    /**
     * The split folder of an MTG-Jamendo checkout: {@code dir} itself if it holds the moodtheme files, else
     * {@code dir/splits/split-0} or {@code dir/data/splits/split-0}.
     *
     * @param dir a folder
     * @return the split folder
     * @throws IOException if none of them holds the files
     */
    public static Path mtgSplitDir(Path dir) throws IOException {
        for (Path p : List.of(dir, dir.resolve("splits/split-0"), dir.resolve("data/splits/split-0")))
            if (Files.isRegularFile(p.resolve(MtgJamendo.FILES.get(0)))) return p;
        throw new IOException(dir + ": no " + MtgJamendo.FILES.get(0) + " there, nor in splits/split-0 or data/splits/split-0");
    }

    private static DownstreamData of(String corpus, String protocol, Task task, Dataset d, Path cacheDir, int threads,
                                     Consumer<String> warn) throws IOException, InterruptedException {
        List<String> labels = d.vocabulary();
        Map<Path, float[][]> f = features(d.tracks(), cacheDir, threads, warn);
        List<Fold> folds = new ArrayList<>();
        for (Split s : d.splits())
            folds.add(new Fold(s.name(), examples(s.train(), labels, f), examples(s.validation(), labels, f), examples(s.test(), labels, f)));
        return new DownstreamData(corpus, protocol, task, labels, folds);
    }

    private static Map<Path, float[][]> features(List<Track> tracks, Path cacheDir, int threads, Consumer<String> warn)
            throws IOException, InterruptedException {
        TreeSet<Path> files = new TreeSet<>();
        for (Track t : tracks) files.add(t.audio());
        return TrackFeatures.load(new ArrayList<>(files), cacheDir.resolve("features"), threads, warn);
    }

    private static List<Example> examples(List<Track> tracks, List<String> labels, Map<Path, float[][]> f) {
        List<Example> out = new ArrayList<>();
        for (Track t : tracks) {
            Example e = example(t, labels, f);
            if (e != null) out.add(e);
        }
        return out;
    }

    /** The track's example (targets over {@code labels}), or null if its features could not be computed. */
    /** The track's example: CMVN features, target, and the raw features' clip statistics. */
    private static Example example(Track t, List<String> labels, Map<Path, float[][]> f) {
        float[][] raw = f.get(t.audio());
        if (raw == null) return null;
        float[] target = new float[labels.size()];
        for (String l : t.labels()) {
            int i = labels.indexOf(l);
            if (i < 0) throw new IllegalStateException(t.id() + ": label " + l + " is not in the vocabulary");
            target[i] = 1;
        }
        return new Example(Cmvn.apply(raw, FeatureConfig.PAPER.stdFloor()), target, Standardizer.clipStatistics(raw));
    }
}
