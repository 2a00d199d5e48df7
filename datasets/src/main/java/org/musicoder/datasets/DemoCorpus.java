package org.musicoder.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The demo corpus shipped with this module: short Ogg Vorbis clips of DFSG-free game music from Debian
 * packages, in a few source-style classes, with a train/validation/test split by source track.
 * The classes are the styles of the sources, not a genre benchmark. Clips are classpath resources under
 * {@value #ROOT}; {@code labels.csv} lists them and {@code LICENSES.md} gives every clip's license.
 */
public final class DemoCorpus {
    /** Classpath folder of the corpus. */
    public static final String ROOT = "/org/musicoder/datasets/demo/";

    private static final String LABELS = ROOT + "labels.csv";
    private static final String[] COLUMNS = {
        "clip", "class", "tags", "split", "source_track", "offset_s", "license", "attribution"
    };

    private final Map<String, DemoClip> clips;

    private DemoCorpus(Map<String, DemoClip> clips) {
        this.clips = clips;
    }

    /**
     * Reads the clip list from {@code labels.csv} on the classpath.
     *
     * @return the corpus
     * @throws IllegalStateException if the labels file is missing or malformed (the message names the line)
     */
    public static DemoCorpus load() {
        InputStream in = DemoCorpus.class.getResourceAsStream(LABELS);
        if (in == null) throw new IllegalStateException(LABELS + ": not on the classpath");
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            if (!parser.getHeaderNames().equals(Arrays.asList(COLUMNS))) {
                throw new IllegalStateException(LABELS + ": header is " + parser.getHeaderNames()
                        + ", expected " + Arrays.asList(COLUMNS));
            }
            Map<String, DemoClip> clips = new LinkedHashMap<>();
            for (CSVRecord row : parser) {
                DemoClip clip = parse(row);
                if (clips.put(clip.id(), clip) != null) {
                    throw new IllegalStateException(LABELS + " line " + (row.getRecordNumber() + 1)
                            + ": duplicate clip " + clip.id());
                }
            }
            return new DemoCorpus(clips);
        } catch (IOException e) {
            throw new IllegalStateException(LABELS + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static DemoClip parse(CSVRecord row) {
        try {
            return new DemoClip(
                    row.get("clip"),
                    row.get("class"),
                    List.of(row.get("tags").split("\\|")),
                    SplitPart.parse(row.get("split")),
                    row.get("source_track"),
                    Double.parseDouble(row.get("offset_s")),
                    row.get("license"),
                    row.get("attribution"));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // record numbers count data rows from 1; the header is line 1
            throw new IllegalStateException(LABELS + " line " + (row.getRecordNumber() + 1) + ": " + e.getMessage(), e);
        }
    }

    /** All clips, in the order of the labels file. */
    public List<DemoClip> clips() {
        return List.copyOf(clips.values());
    }

    /**
     * The clips of one split.
     *
     * @param split the split
     * @return its clips, in the order of the labels file
     */
    public List<DemoClip> clips(SplitPart split) {
        return clips.values().stream().filter(c -> c.split() == split).toList();
    }

    /** The style classes, sorted. */
    public SortedSet<String> classes() {
        TreeSet<String> classes = new TreeSet<>();
        for (DemoClip c : clips.values()) classes.add(c.styleClass());
        return classes;
    }

    /**
     * The clip with id {@code id}.
     *
     * @param id clip id (file name without {@code .ogg})
     * @return the clip
     * @throws IllegalArgumentException if there is no such clip
     */
    public DemoClip clip(String id) {
        DemoClip clip = clips.get(id);
        if (clip == null) throw new IllegalArgumentException("demo corpus: no clip '" + id + "'");
        return clip;
    }

    /**
     * Opens a clip's Ogg Vorbis bytes; the caller closes the stream.
     *
     * @param clip a clip of this corpus
     * @return the stream
     * @throws IOException if the clip's resource is missing from the classpath
     */
    public InputStream open(DemoClip clip) throws IOException {
        String name = ROOT + "clips/" + clip(clip.id()).fileName();
        InputStream in = DemoCorpus.class.getResourceAsStream(name);
        if (in == null) throw new IOException(name + ": not on the classpath");
        return in;
    }

    /**
     * Copies one clip to {@code dir/<id>.ogg}, creating {@code dir} if needed and replacing an existing file. The
     * file appears atomically (written to a temporary file in {@code dir}, then renamed), so processes extracting the
     * corpus at once never read a half-written clip.
     *
     * @param clip a clip of this corpus
     * @param dir  target directory
     * @return the written file
     * @throws IOException if the clip cannot be read or the file cannot be written
     */
    public Path extract(DemoClip clip, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(clip.fileName());
        Path tmp = Files.createTempFile(dir, "." + clip.id() + "-", ".part");
        try (InputStream in = open(clip)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /**
     * Copies every clip to {@code dir} (see {@link #extract(DemoClip, Path)}).
     *
     * @param dir target directory
     * @return the written files, in the order of {@link #clips()}
     * @throws IOException if a clip cannot be read or written
     */
    public List<Path> extractAll(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (DemoClip clip : clips.values()) files.add(extract(clip, dir));
        return files;
    }
}
