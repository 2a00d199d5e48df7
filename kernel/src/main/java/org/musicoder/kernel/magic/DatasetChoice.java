package org.musicoder.kernel.magic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.musicoder.datasets.AudioFolder;
import org.musicoder.datasets.DemoClip;
import org.musicoder.datasets.DemoCorpus;
import org.musicoder.datasets.Track;

/**
 * The dataset the magics work on (bound to {@code dataset} by {@code %dataset}): the embedded demo corpus, or a
 * folder of audio (label = parent folder). Its clips are what {@code dataset:ID} names.
 *
 * @param source {@code demo} or the folder, as {@code %pretrain --data} takes it
 * @param clips  its clips in a fixed order
 */
public record DatasetChoice(String source, List<Clip> clips) {
    /**
     * One clip.
     *
     * @param id    the name {@code dataset:ID} uses (demo: the clip id; folder: the path below it)
     * @param label demo: the style class; folder: the parent folder's name
     * @param split demo: train, validation or test; folder: empty
     * @param audio the audio file
     */
    public record Clip(String id, String label, String split, Path audio) {}

    public DatasetChoice {
        clips = List.copyOf(clips);
    }

    /**
     * The demo corpus, its clips copied to {@code cache/demo-clips} (as {@code bin/musicoder demo} does).
     *
     * @param cache the cache folder
     * @return the choice
     * @throws IOException if a clip cannot be copied
     */
    public static DatasetChoice demo(Path cache) throws IOException {
        DemoCorpus corpus = DemoCorpus.load();
        List<DemoClip> all = corpus.clips();
        List<Path> files = corpus.extractAll(cache.resolve("demo-clips"));
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            DemoClip c = all.get(i);
            clips.add(new Clip(c.id(), c.styleClass(), c.split().name().toLowerCase(), files.get(i)));
        }
        return new DatasetChoice("demo", clips);
    }

    /**
     * Every audio file below a folder.
     *
     * @param dir  the folder
     * @param warn gets one line per unreadable file (skipped)
     * @return the choice
     * @throws IOException if the folder is missing or has no usable audio
     */
    public static DatasetChoice folder(Path dir, Consumer<String> warn) throws IOException {
        List<Clip> clips = new ArrayList<>();
        for (Track t : AudioFolder.read(dir, warn).tracks())
            clips.add(new Clip(t.id(), t.labels().isEmpty() ? "" : t.labels().get(0), "", t.audio()));
        return new DatasetChoice(dir.toString(), clips);
    }

    /**
     * The clip named {@code id}.
     *
     * @param id its id
     * @return the clip
     * @throws MagicException if there is none (the message says how to list them)
     */
    public Clip clip(String id) throws MagicException {
        for (Clip c : clips) if (c.id().equals(id)) return c;
        throw new MagicException("no clip '" + id + "' in dataset " + source + " (%dataset lists them)");
    }

    /** The clip ids. */
    public List<String> ids() {
        return clips.stream().map(Clip::id).toList();
    }
}
