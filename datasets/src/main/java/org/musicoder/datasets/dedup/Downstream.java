package org.musicoder.datasets.dedup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.musicoder.datasets.AudioFolder;
import org.musicoder.datasets.DemoClip;
import org.musicoder.datasets.DemoCorpus;
import org.musicoder.datasets.Gtzan;
import org.musicoder.datasets.GtzanFolds;
import org.musicoder.datasets.MtgJamendo;
import org.musicoder.datasets.Track;

/**
 * Downstream data that a pretraining corpus must not contain: clips to find by content, and MTG-Jamendo track ids
 * to find by name.
 *
 * @param name          what the report calls it ({@code demo}, {@code gtzan}, {@code mtg-jamendo}, a folder's name)
 * @param clips         clips to fingerprint (id and audio file); empty for an id-only set
 * @param mtgJamendoIds MTG-Jamendo track ids ({@code track_0000948}); empty unless the set is an MTG-Jamendo split
 */
public record Downstream(String name, List<Track> clips, Set<String> mtgJamendoIds) {
    /** The forms {@link #parse} reads, for messages. */
    public static final String FORMS = "demo, gtzan:DIR, mtg-jamendo:SPLIT_DIR, folder:DIR or a folder";

    public Downstream {
        clips = List.copyOf(clips);
        mtgJamendoIds = Set.copyOf(mtgJamendoIds);
    }

    /**
     * Reads the downstream data a spec names.
     *
     * @param spec {@code demo} (the embedded demo corpus's clips), {@code gtzan:DIR} (GTZAN's clips, {@link Gtzan}),
     *             {@code mtg-jamendo:SPLIT_DIR} (the track ids of a mood/theme split, {@link MtgJamendo#trackIds};
     *             no audio needed), {@code folder:DIR} or a plain {@code DIR} (every audio file below it,
     *             {@link AudioFolder})
     * @param work folder the demo clips are extracted to ({@code work/demo-clips})
     * @param warn receives one line per downstream file skipped (unreadable, misnamed)
     * @return the data
     * @throws IOException with one line naming the spec and the reason (unknown form, missing folder, no clips)
     */
    public static Downstream parse(String spec, Path work, Consumer<String> warn) throws IOException {
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? "" : spec.substring(0, colon);
        String arg = colon < 0 ? spec : spec.substring(colon + 1);
        try {
            return switch (kind) {
                case "gtzan" -> clips("gtzan", Gtzan.read(folder(arg), GtzanFolds.DEFAULT_SEED, warn).tracks());
                case "mtg-jamendo" -> new Downstream("mtg-jamendo", List.of(), MtgJamendo.trackIds(folder(arg)));
                case "folder" -> folderClips(folder(arg), warn);
                default -> {
                    if (spec.equals("demo")) yield demo(work);
                    if (colon >= 0 && !Files.exists(Path.of(spec)))
                        throw new IOException("unknown kind '" + kind + "' (expected " + FORMS + ")");
                    yield folderClips(folder(spec), warn);
                }
            };
        } catch (IOException e) {
            throw new IOException("downstream '" + spec + "': " + e.getMessage(), e);
        }
    }

    private static Downstream demo(Path work) throws IOException {
        DemoCorpus corpus = DemoCorpus.load();
        List<Track> clips = new ArrayList<>();
        for (DemoClip c : corpus.clips())
            clips.add(new Track(c.id(), corpus.extract(c, work.resolve("demo-clips")), List.of(c.styleClass()), null));
        return clips("demo", clips);
    }

    private static Downstream folderClips(Path dir, Consumer<String> warn) throws IOException {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return clips(name == null ? dir.toString() : name.toString(), AudioFolder.read(dir, warn).tracks());
    }

    private static Downstream clips(String name, List<Track> clips) {
        return new Downstream(name, clips, Set.of());
    }

    private static Path folder(String arg) throws IOException {
        Path dir = Path.of(arg);
        if (!Files.isDirectory(dir)) throw new IOException(arg + ": not a folder");
        return dir;
    }
}
