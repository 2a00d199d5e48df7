package org.musicoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.musicoder.datasets.AudioFolder;
import org.musicoder.datasets.DebianMusic;
import org.musicoder.datasets.DemoClip;
import org.musicoder.datasets.DemoCorpus;
import org.musicoder.datasets.FeatureCache;
import org.musicoder.datasets.SplitPart;
import org.musicoder.datasets.Track;
import org.musicoder.datasets.dedup.ExclusionList;
import org.musicoder.features.Cmvn;
import org.musicoder.features.FeatureBatch;
import org.musicoder.features.FeatureConfig;

/**
 * The clips a pretraining run learns from (or is evaluated on), as per-clip CMVN features: {@code demo} (the demo
 * corpus's train split, or its validation and test splits) or a folder of audio. Raw features come from the feature cache (shared with {@code demo} and {@code features}),
 * CMVN is applied here. A folder's (or {@code debian-music}'s) files listed in its {@link ExclusionList} (written by
 * {@code corpus dedup}) are left out.
 */
public final class TrainingClips {
    private TrainingClips() {}

    /** Whether {@code data} names a source {@link #load} knows: {@code demo}, {@code debian-music} or an existing folder. */
    public static boolean known(String data) {
        return data.equals("demo") || data.equals(DebianMusic.NAME) || Files.isDirectory(Path.of(data));
    }

    /**
     * @param data {@code demo}, {@code debian-music} (fetched with {@code corpus fetch}) or a folder of audio files
     * @param heldOut for {@code demo}: its validation and test splits instead of train (ignored for a folder)
     * @param cache the cache folder ({@code features/} and {@code demo-clips/} below it)
     * @param threads files processed at once
     * @param err receives one line per file that cannot be read (skipped)
     * @return CMVN features of each clip, in a fixed order (the corpus's, or sorted relative paths)
     * @throws IOException if the folder holds no usable audio, or no clip could be read
     */
    public static List<float[][]> load(String data, boolean heldOut, Path cache, int threads, PrintWriter err) throws IOException, InterruptedException {
        return load(data, heldOut, cache, threads, err, 0);
    }

    /**
     * As {@link #load(String, boolean, Path, int, PrintWriter)}, with each clip longer than {@code 1.5 * pieceFrames}
     * cut into pieces normalised on their own ({@link Cmvn#pieces}).
     *
     * @param pieceFrames frames per piece, or 0 for whole clips
     */
    public static List<float[][]> load(String data, boolean heldOut, Path cache, int threads, PrintWriter err, int pieceFrames)
            throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        if (data.equals("demo")) {
            DemoCorpus corpus = DemoCorpus.load();
            for (DemoClip c : corpus.clips())
                if ((c.split() != SplitPart.TRAIN) == heldOut) files.add(corpus.extract(c, cache.resolve("demo-clips")));
        } else if (data.equals(DebianMusic.NAME)) {
            Path dir = DebianMusic.defaultDir(cache);
            files.addAll(leaveOut(dir, DebianMusic.tracks(dir), data, err));
        } else {
            Path dir = Path.of(data);
            if (!Files.isDirectory(dir)) throw new IOException("--data " + data + ": neither 'demo', '" + DebianMusic.NAME + "' nor a folder");
            List<Path> all = new ArrayList<>();
            for (Track t : AudioFolder.read(dir, w -> err.println("musicoder: " + w)).tracks()) all.add(t.audio());
            files.addAll(leaveOut(dir, all, data, err));
        }
        FeatureConfig cfg = FeatureConfig.PAPER;
        FeatureCache features = new FeatureCache(cache.resolve("features"), w -> err.println("musicoder: " + w));
        List<float[][]> clips = new ArrayList<>();
        FeatureBatch.run(files, threads,
                p -> features.raw(p, cfg),
                r -> {
                    if (r.ok()) clips.addAll(Cmvn.pieces(r.features(), pieceFrames, 1e-8));
                    else err.println("musicoder: " + Messages.oneLine(r.input(), r.error()) + " (skipped)");
                });
        if (clips.isEmpty()) throw new IOException("--data " + data + ": no clip could be read");
        return clips;
    }

    /** The files not on the corpus folder's {@link ExclusionList} (written by {@code corpus dedup}); says how many it left out. */
    private static List<Path> leaveOut(Path dir, List<Path> files, String data, PrintWriter err) throws IOException {
        List<Path> kept = ExclusionList.keep(dir, files);
        if (kept.size() < files.size())
            err.println("musicoder: --data " + data + ": left out " + (files.size() - kept.size()) + " of " + files.size()
                    + " files listed in " + dir.resolve(ExclusionList.FILE) + " (downstream clips, see corpus dedup)");
        return kept;
    }
}
