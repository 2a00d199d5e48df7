package org.musicoder.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import org.musicoder.datasets.DebianMusic;

/**
 * What the encoders of an ablation run are pretrained on: {@code demo} (the demo corpus's train split, 54 clips of
 * 10 s), {@code debian-music} (9.4 h of game music, after {@code bin/musicoder corpus fetch debian-music}) or a
 * folder of audio.
 *
 * <p>At demo scale without a choice ({@link #choose} with null): {@code debian-music} when it has been fetched into
 * the cache (its {@code tracks.csv} is there), otherwise the demo corpus's train split, and the {@link #note} says
 * so and how to fetch it. The paper scale has no default (the paper's corpus is the user's).
 *
 * @param source what the pretraining clips are loaded from: {@code demo}, {@code debian-music} or a folder
 * @param key a short name for folder names: {@code demo}, {@code debian-music} or the folder's name
 * @param note one line for the user: which corpus, and why
 */
public record PretrainCorpus(String source, String key, String note) {
    /** The command that fetches {@code debian-music}. */
    public static final String FETCH = "bin/musicoder corpus fetch " + DebianMusic.NAME;

    /**
     * @param requested {@code demo}, {@code debian-music}, a folder, or null for the scale's default
     * @param demoScale whether the run is at demo scale (only it has a default)
     * @param cache the cache folder ({@code debian-music} is looked for in {@link DebianMusic#defaultDir})
     * @return the corpus
     * @throws IllegalArgumentException if nothing is requested at paper scale, {@code debian-music} is requested but
     *     not fetched, or the folder does not exist (the message says which and what to do)
     */
    public static PretrainCorpus choose(String requested, boolean demoScale, Path cache) {
        Path debian = DebianMusic.defaultDir(cache);
        boolean fetched = Files.isRegularFile(debian.resolve(DebianMusic.TRACKS));
        if (requested == null) {
            if (!demoScale)
                throw new IllegalArgumentException("--pretrain-data is required with --data DIR (paper scale: demo, "
                        + DebianMusic.NAME + " or a folder of audio; the corpus is the user's)");
            if (fetched) return debianMusic(debian, "the demo scale's default, fetched");
            return new PretrainCorpus("demo", "demo", "pretraining corpus: the demo corpus's train split, because "
                    + DebianMusic.NAME + " has not been fetched (no " + debian.resolve(DebianMusic.TRACKS) + "); fetch it with '"
                    + FETCH + "' and the demo tables pretrain on it");
        }
        if (requested.equals("demo"))
            return new PretrainCorpus("demo", "demo", "pretraining corpus: the demo corpus's train split (--pretrain-data demo)");
        if (requested.equals(DebianMusic.NAME)) {
            if (!fetched)
                throw new IllegalArgumentException("--pretrain-data " + DebianMusic.NAME + ": not fetched (no "
                        + debian.resolve(DebianMusic.TRACKS) + "); run '" + FETCH + "' first");
            return debianMusic(debian, "--pretrain-data " + DebianMusic.NAME);
        }
        Path dir = Path.of(requested);
        if (!Files.isDirectory(dir))
            throw new IllegalArgumentException("--pretrain-data " + requested + ": neither demo, " + DebianMusic.NAME + " nor a folder");
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return new PretrainCorpus(requested, name == null ? "folder" : name.toString(),
                "pretraining corpus: the audio below " + requested + " (--pretrain-data)");
    }

    private static PretrainCorpus debianMusic(Path dir, String why) {
        return new PretrainCorpus(DebianMusic.NAME, DebianMusic.NAME, "pretraining corpus: " + DebianMusic.NAME + " in " + dir + " (" + why + ")");
    }

    /**
     * The table's "pretraining corpus" cell.
     *
     * @param clips how many clips (after cutting long tracks into CMVN pieces) were loaded
     * @return e.g. {@code debian-music (3401 clips)} or {@code demo corpus train split (54 clips)}
     */
    public String describe(int clips) {
        return (source.equals("demo") ? "demo corpus train split" : source) + " (" + clips + " clips)";
    }
}
