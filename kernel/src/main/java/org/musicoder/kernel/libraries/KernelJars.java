package org.musicoder.kernel.libraries;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The kernel's own classes, which win over any added jar: the session's class loader asks the kernel's first, so a
 * jar whose classes the kernel already has would be shadowed. {@link Libraries} says so instead of adding it.
 * Decided by the classes themselves, not by names: a library the kernel holds shaded under another package does
 * not shadow anything.
 */
final class KernelJars {
    private KernelJars() {}

    /**
     * The kernel's artifact that provides a class of {@code jar}, or null when the kernel has none of its classes.
     *
     * @param jar  a jar file
     * @param want the jar's own artifact (its {@code group:artifact} is preferred when the kernel's jar names several);
     *             may be null
     * @return the kernel's artifact; its version is {@code ?} when the kernel's jar has no Maven metadata (the file
     *         name then stands for the artifact)
     * @throws IOException if the jar cannot be read
     */
    static Coordinate shadowing(Path jar, Coordinate want) throws IOException {
        ClassLoader kernel = KernelJars.class.getClassLoader();
        try (JarFile f = new JarFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = f.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class"))
                    continue;
                URL hit = kernel.getResource(name);
                if (hit != null) return owner(hit, want);
            }
        }
        return null;
    }

    /** The artifact of the kernel's jar (or folder) a class was found in. */
    private static Coordinate owner(URL hit, Coordinate want) {
        String url = hit.toString();
        if (url.startsWith("jar:file:")) {
            try {
                Path jar = Path.of(new URL(url.substring(4, url.indexOf("!/"))).toURI());
                List<Coordinate> names = JarInfo.coordinates(jar);
                for (Coordinate c : names) if (want != null && c.key().equals(want.key())) return c;
                if (names.size() == 1) return names.get(0);
                return new Coordinate("", jar.getFileName().toString(), "?");
            } catch (IOException | URISyntaxException | IllegalArgumentException e) {
                // fall through: named by its URL
            }
        }
        return new Coordinate("", url, "?");
    }
}
