package org.musicoder.kernel.libraries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.musicoder.kernel.java.JavaSession;

/**
 * Adds jars to a Java session, the kernel's own classes first: a jar with a class the kernel already has is not
 * added, since the kernel's would shadow it anyway, and a different version is reported with both versions. Against
 * jars added earlier in the session, two versions of one {@code group:artifact} (from the jars' Maven metadata) are
 * told apart the same way.
 */
public final class Libraries {
    private Libraries() {}

    /**
     * Adds one jar.
     *
     * @param java the session
     * @param jar  the jar file
     * @return one line saying what happened: added (with its size), kept the kernel's or an earlier version (both
     *         versions named), or already there
     * @throws LibraryException if the file is missing or not a jar (zip) file
     */
    public static String add(JavaSession java, Path jar) throws LibraryException {
        return add(java, jar, null);
    }

    /**
     * Adds one jar whose coordinates are known (a resolved artifact), as {@link #add(JavaSession, Path)}.
     *
     * @param java       the session
     * @param jar        the jar file
     * @param coordinate its coordinates, used when its own metadata does not name them; may be null
     * @return the line saying what happened
     * @throws LibraryException if the file is missing or not a jar (zip) file
     */
    public static String add(JavaSession java, Path jar, Coordinate coordinate) throws LibraryException {
        if (!Files.isRegularFile(jar)) throw new LibraryException(jar + ": no such file");
        List<Coordinate> names;
        try {
            names = new ArrayList<>(JarInfo.coordinates(jar));
        } catch (IOException e) {
            throw new LibraryException(jar + ": not a jar (zip) file (" + e.getMessage() + ")");
        }
        if (coordinate != null && names.stream().noneMatch(c -> c.key().equals(coordinate.key())))
            names.add(0, coordinate);
        Coordinate main = names.isEmpty() ? null : names.get(0);
        String label = main == null ? jar.getFileName().toString() : main.toString();
        Path abs = jar.toAbsolutePath().normalize();
        if (java.addedClassPath().contains(abs)) return label + " is already on the class path";
        Coordinate own;
        try {
            own = KernelJars.shadowing(abs, main);
        } catch (IOException e) {
            throw new LibraryException(jar + ": not a jar (zip) file (" + e.getMessage() + ")");
        }
        if (own != null && main != null && own.key().equals(main.key()) && own.version().equals(main.version()))
            return main + " is already on the kernel's class path";
        if (own != null)
            return "warning: kept the kernel's " + name(own) + "; " + label + " (" + jar.getFileName()
                    + ") is not added";
        for (Coordinate c : names) {
            Coordinate earlier = earlier(java, c);
            if (earlier != null && !earlier.version().equals(c.version()))
                return "warning: kept " + earlier + ", added earlier; " + c + " (" + jar.getFileName() + ") is not added";
        }
        java.addToClassPath(abs);
        long bytes;
        try {
            bytes = Files.size(abs);
        } catch (IOException e) {
            bytes = 0;
        }
        return String.format(Locale.ROOT, "added %s (%s, %.0f kB)", label, jar.getFileName(), bytes / 1e3);
    }

    /**
     * Everything the session's cells see: the added entries, then the kernel's.
     *
     * @param java the session
     * @return rows of {@code [origin, path, artifact]}; origin is {@code kernel} or {@code added}, the artifact is
     *         {@code group:artifact:version} from the jar's metadata (empty when it has none, or for folders)
     */
    public static List<String[]> classPath(JavaSession java) {
        List<String[]> rows = new ArrayList<>();
        for (Path p : java.addedClassPath()) rows.add(new String[] {"added", p.toString(), artifact(p)});
        for (String e : java.baseClassPath()) rows.add(new String[] {"kernel", e, artifact(Path.of(e))});
        return rows;
    }

    private static String artifact(Path p) {
        if (!p.toString().endsWith(".jar") || !Files.isRegularFile(p)) return "";
        try {
            List<Coordinate> c = JarInfo.coordinates(p);
            return c.isEmpty() ? "" : c.get(0).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static Coordinate earlier(JavaSession java, Coordinate c) {
        for (Path p : java.addedClassPath()) {
            try {
                for (Coordinate d : JarInfo.coordinates(p)) if (d.key().equals(c.key())) return d;
            } catch (IOException e) {
                // a folder or an unreadable jar names no artifact
            }
        }
        return null;
    }

    private static String name(Coordinate c) {
        return c.version().equals("?") ? c.artifactId() : c.toString();
    }
}
