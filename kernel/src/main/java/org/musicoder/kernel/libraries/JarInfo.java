package org.musicoder.kernel.libraries;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** What a jar says about itself: the Maven coordinates in its {@code META-INF/maven/.../pom.properties}. */
final class JarInfo {
    private JarInfo() {}

    /**
     * @param jar a jar file
     * @return the artifacts it was built from (usually one; none for a jar without Maven metadata; several for a
     *         shaded jar)
     * @throws IOException if it is not a readable jar (zip) file
     */
    static List<Coordinate> coordinates(Path jar) throws IOException {
        List<Coordinate> out = new ArrayList<>();
        try (JarFile f = new JarFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = f.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (!name.startsWith("META-INF/maven/") || !name.endsWith("/pom.properties")) continue;
                Properties p = new Properties();
                try (InputStream in = f.getInputStream(e)) {
                    p.load(in);
                }
                String g = p.getProperty("groupId"), a = p.getProperty("artifactId"), v = p.getProperty("version");
                if (g != null && a != null && v != null) out.add(new Coordinate(g.strip(), a.strip(), v.strip()));
            }
        }
        return out;
    }
}
