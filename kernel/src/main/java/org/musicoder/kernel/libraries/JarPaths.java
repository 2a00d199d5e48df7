package org.musicoder.kernel.libraries;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands what {@code %jars} is given: a jar, a folder (its jars, as {@code java -cp dir/*}), or a glob. */
public final class JarPaths {
    private JarPaths() {}

    /**
     * @param arg  a path, a folder or a glob ({@code lib/*.jar}, {@code ~/jars/**.jar}); {@code ~} is the home folder
     * @param base folder that relative paths start from
     * @return the jars it names, sorted
     * @throws LibraryException if nothing matches, or a folder cannot be read
     */
    public static List<Path> expand(String arg, Path base) throws LibraryException {
        String text = arg.startsWith("~/") ? System.getProperty("user.home") + arg.substring(1) : arg;
        int glob = firstGlobChar(text);
        try {
            if (glob < 0) {
                Path p = base.resolve(text);
                if (Files.isRegularFile(p)) return List.of(p);
                if (Files.isDirectory(p)) return matching(p, "*.jar", 1, arg);
                throw new LibraryException("no such file or folder: " + arg);
            }
            int cut = text.lastIndexOf('/', glob);
            Path dir = base.resolve(cut < 0 ? "." : cut == 0 ? "/" : text.substring(0, cut));
            if (!Files.isDirectory(dir)) throw new LibraryException("no such folder: " + dir + " (in " + arg + ")");
            return matching(dir, text.substring(cut + 1), Integer.MAX_VALUE, arg);
        } catch (IOException e) {
            throw new LibraryException("cannot read " + arg + ": " + e.getMessage());
        }
    }

    private static List<Path> matching(Path dir, String pattern, int depth, String arg)
            throws IOException, LibraryException {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, depth)) {
            s.filter(Files::isRegularFile).filter(p -> m.matches(dir.relativize(p))).sorted().forEach(out::add);
        }
        if (out.isEmpty()) throw new LibraryException("no file matches " + arg);
        return out;
    }

    private static int firstGlobChar(String s) {
        for (int i = 0; i < s.length(); i++) if ("*?[{".indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
