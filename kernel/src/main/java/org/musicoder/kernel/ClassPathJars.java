package org.musicoder.kernel;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Copies the folders of a class path into jars (the JVM's class-data archive takes classes from jars only). */
final class ClassPathJars {
    private ClassPathJars() {}

    /**
     * @param classPath a class path ({@link File#pathSeparator}-separated)
     * @param into      folder for the jars (emptied of older ones)
     * @return the class path with each folder replaced by its jar ({@code into/NN-name.jar}), jars kept as they are
     * @throws IOException if a folder cannot be read or a jar written
     */
    static String jarFolders(String classPath, Path into) throws IOException {
        Files.createDirectories(into);
        try (Stream<Path> old = Files.list(into)) {
            for (Path p : old.toList()) if (p.toString().endsWith(".jar")) Files.delete(p);
        }
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) continue;
            Path p = Path.of(entry);
            if (!Files.isDirectory(p)) {
                out.add(entry);
                continue;
            }
            Path parent = p.toAbsolutePath().normalize().getParent();
            String name = String.format("%02d-%s-%s.jar", n++, parent == null || parent.getParent() == null ? "root"
                    : parent.getParent().getFileName(), p.getFileName());
            Path jar = into.resolve(name);
            write(p, jar);
            out.add(jar.toString());
        }
        return String.join(File.pathSeparator, out);
    }

    private static void write(Path folder, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream js = new JarOutputStream(os);
                Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted().toList()) {
                if (f.equals(folder)) continue;
                String name = folder.relativize(f).toString().replace(File.separatorChar, '/');
                if (Files.isDirectory(f)) {
                    js.putNextEntry(new JarEntry(name + "/"));
                } else {
                    js.putNextEntry(new JarEntry(name));
                    Files.copy(f, js);
                }
                js.closeEntry();
            }
        }
    }
}
