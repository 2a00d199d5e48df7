package org.musicoder.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Reads any folder of audio: every file below it (recursively) with one of {@link AudioFiles#EXTENSIONS}
 * (case-insensitive), labelled by the name of the folder it sits in, sorted by relative path. Files that fail
 * {@link AudioFiles#problem} are skipped with a warning.
 */
public final class AudioFolder {
    private static final Logger LOG = Logger.getLogger(AudioFolder.class.getName());

    private AudioFolder() {}

    /** As {@link #read(Path, Consumer)}, warnings logged. */
    public static Dataset read(Path root) throws IOException {
        return read(root, LOG::warning);
    }

    /**
     * Reads the folder.
     *
     * @param root the folder to walk (symbolic links are not followed)
     * @param warn receives one line per skipped file
     * @return a dataset named after {@code root}: id = path relative to {@code root} with {@code /} separators,
     *         one label = parent folder name, no artist, no splits
     * @throws IOException if {@code root} is not a folder, cannot be walked, or holds no usable audio
     */
    public static Dataset read(Path root, Consumer<String> warn) throws IOException {
        if (!Files.isDirectory(root)) throw new IOException(root + ": not a folder");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> Files.isRegularFile(p) && AudioFiles.isAudio(p))
                    .sorted((a, b) -> relative(root, a).compareTo(relative(root, b))).toList();
        }
        List<Track> tracks = new ArrayList<>();
        for (Path f : files) {
            Optional<String> problem = AudioFiles.problem(f);
            if (problem.isPresent()) {
                warn.accept(f + ": " + problem.get() + " (skipped)");
                continue;
            }
            String label = f.getParent().getFileName().toString();
            tracks.add(new Track(relative(root, f), f, List.of(label), null));
        }
        if (tracks.isEmpty()) throw new IOException(root + ": no usable audio files (" + AudioFiles.EXTENSIONS + ")");
        Path name = root.toAbsolutePath().normalize().getFileName();
        return new Dataset(name == null ? root.toString() : name.toString(), Dataset.vocabularyOf(tracks), tracks,
                List.of());
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
