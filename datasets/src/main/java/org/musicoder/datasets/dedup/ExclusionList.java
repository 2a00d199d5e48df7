package org.musicoder.datasets.dedup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files of a corpus folder that pretraining leaves out: {@code DIR/}{@value #FILE}, one path relative to
 * {@code DIR} a line ({@code /} separators), lines starting with {@code #} are comments. Written by {@link Dedup};
 * read wherever a corpus folder is loaded for training.
 */
public final class ExclusionList {
    /** The list's file name inside the corpus folder. */
    public static final String FILE = "dedup-exclude.txt";

    private ExclusionList() {}

    /**
     * The listed paths.
     *
     * @param dir a corpus folder
     * @return the relative paths listed in {@code dir/}{@value #FILE}; empty if there is no list
     * @throws IOException if the list exists but cannot be read
     */
    public static Set<String> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Set<String> paths = new TreeSet<>();
        if (!Files.isRegularFile(file)) return paths;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String p = line.strip();
            if (!p.isEmpty() && !p.startsWith("#")) paths.add(p);
        }
        return paths;
    }

    /**
     * The files not on the list.
     *
     * @param dir   a corpus folder
     * @param files files below {@code dir}
     * @return {@code files} without the listed ones, in the same order
     * @throws IOException if the list exists but cannot be read
     */
    public static List<Path> keep(Path dir, List<Path> files) throws IOException {
        Set<String> listed = read(dir);
        if (listed.isEmpty()) return files;
        List<Path> kept = new ArrayList<>();
        for (Path f : files) if (!listed.contains(relative(dir, f))) kept.add(f);
        return kept;
    }

    /**
     * Writes the list (replacing any earlier one; written to a temporary file, then renamed).
     *
     * @param dir   the corpus folder
     * @param paths paths relative to {@code dir}, {@code /} separators
     * @return the list's file
     * @throws IOException if it cannot be written
     */
    public static Path write(Path dir, Collection<String> paths) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Files pretraining on this folder leaves out: downstream clips found by 'musicoder corpus dedup' "
                + "(its report says why).");
        lines.add("# One path relative to this folder a line.");
        lines.addAll(new TreeSet<>(paths));
        Path file = dir.resolve(FILE);
        Path part = dir.resolve(FILE + ".part");
        Files.write(part, lines, StandardCharsets.UTF_8);
        return Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@code file} relative to {@code dir}, with {@code /} separators. */
    static String relative(Path dir, Path file) {
        Path rel = dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
    }
}
