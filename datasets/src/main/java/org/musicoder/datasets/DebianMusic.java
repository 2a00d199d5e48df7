package org.musicoder.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.musicoder.io.TextFiles;

/**
 * {@code debian-music}: an unlabelled pretraining corpus of DFSG-free game soundtracks from Debian 12's main
 * archive (9.4 hours of Ogg Vorbis in 136 tracks), without every source track of the {@link DemoCorpus} (the
 * paper's pretraining corpora leave out the downstream clips). Each package is fetched with {@code apt-get download}
 * (no system install; its SHA-256 pinned here), unpacked with {@code dpkg-deb -x}, and its music files are copied
 * as they are (no re-encoding) into {@code DIR/tracks/<package>/}. {@code DIR/tracks.csv} lists every track with
 * its checksum, license and attribution (from the package's DEP-5 copyright file, kept in {@code DIR/licenses/}),
 * {@code DIR/excluded.csv} what was left out and why. The fetch is resumable: a downloaded package whose checksum
 * matches is not downloaded again (unpacking takes seconds and is redone), and {@code tracks.csv} is written last.
 */
public final class DebianMusic {
    /** The corpus's name, as {@code --data} takes it. */
    public static final String NAME = "debian-music";
    /** The track list written last by {@link #fetch}. */
    public static final String TRACKS = "tracks.csv";

    /**
     * One Debian package of the corpus.
     *
     * @param name package name
     * @param version pinned version
     * @param sha256 SHA-256 of the {@code .deb}
     * @param dir folder of the music inside the package
     * @param pk3 the zip archive in {@code dir} that holds the music, or null when the files lie in {@code dir}
     * @param game the game the music was written for (attribution)
     * @param license license of every track when the copyright file is not machine-readable (DEP-5), else null
     * @param holders copyright holders in that case, else null
     */
    public record Package(String name, String version, String sha256, String dir, String pk3, String game, String license,
                          String holders) {}

    /** The packages, Debian 12 "bookworm", main. */
    public static final List<Package> PACKAGES = List.of(
            new Package("wesnoth-1.16-music", "1:1.16.9-1", "f9bc3cde92b4ab30db5d7b85f89b4bcc3d788dd92602956d0347250850bf59bb",
                    "usr/share/games/wesnoth/1.16/data/core/music", null, "Battle for Wesnoth", "GPL-2.0-or-later",
                    "(c) David White and the Battle for Wesnoth contributors (composers in the package's upstream changelog)"),
            new Package("singularity-music", "007-2", "139ba1e408eeb0a72f1fff3760ca46558b9f81bed97dc8c0efa108c4007f4845",
                    "usr/share/games/singularity/music", null, "Endgame: Singularity", "CC-BY-SA-3.0",
                    "(c) 2007-2008, 2012 Max McCracken"),
            new Package("nexuiz-music", "2.5.2-12", "d1a7d6e2c0a5bbe6670dbf73354e38f742597310d425e373250fc71a636f8dda",
                    "usr/share/games/nexuiz/data", "music.pk3", "Nexuiz", "GPL-2.0-or-later",
                    "(c) 2002-2009 Alientrap, Lee Vermeulen (Nexuiz team)"),
            new Package("ufoai-music", "2.5-2", "2465d55e9dce75a3a2a1ad1c8ca67da84e251c04e0965d63a8562b2d9f76f9e6",
                    "usr/share/games/ufoai/base", "0music.pk3", "UFO: Alien Invasion", null, null),
            new Package("hyperrogue-music", "12.0q-1", "61ab9f4c2169442d85f42c42d26e80c1a18b93c741f3d44f1b9d83015904e7f7",
                    "usr/share/hyperrogue/music", null, "HyperRogue", null, null),
            new Package("planetblupi-music-ogg", "1.14.2-3", "7d89a6d00b43cdb601e35256ab1a62814d203b5922cfed6a0e73e98486e82fa6",
                    "usr/share/planetblupi/music", null, "Planet Blupi", null, null));

    /** What {@link #fetch} reports as it goes. */
    public interface Listener {
        /** A step begins: {@code done} of {@code total} packages are finished. */
        void step(String what, int done, int total);
    }

    /** One track of the corpus (a row of {@code tracks.csv}). */
    public record Entry(Path file, String pkg, String version, String source, String sha256, String license, String attribution) {}

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private DebianMusic() {}

    /**
     * The corpus's default folder under a cache folder: {@code CACHE/corpora/debian-music}.
     *
     * @param cache the cache folder
     * @return the corpus folder
     */
    public static Path defaultDir(Path cache) {
        return cache.resolve("corpora").resolve(NAME);
    }

    /**
     * The audio files of a fetched corpus, in {@code tracks.csv}'s order.
     *
     * @param dir the corpus folder
     * @return the files
     * @throws IOException if the corpus was not fetched there (the message says how to fetch it), a file is missing,
     *                     or a row names a file outside {@code dir} (an absolute path, {@code ..})
     */
    public static List<Path> tracks(Path dir) throws IOException {
        Path csv = dir.resolve(TRACKS);
        if (!Files.isRegularFile(csv))
            throw new IOException("corpus " + NAME + " is not in " + dir + ": run 'bin/musicoder corpus fetch " + NAME + "' first");
        List<Path> files = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(r, FORMAT)) {
            for (CSVRecord row : parser) {
                Path f = dir.resolve(row.get("file"));
                Path inside = f.normalize();
                if (!inside.startsWith(dir.normalize()) || inside.equals(dir.normalize()))
                    throw new IOException(csv + ": record " + row.getRecordNumber() + ": file " + row.get("file")
                            + " is not a file in the corpus folder");
                if (!Files.isRegularFile(f))
                    throw new IOException("corpus " + NAME + ": " + f + " is missing; run 'bin/musicoder corpus fetch " + NAME + "' again");
                files.add(f);
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | CSVException e) {
            if (e.getCause() instanceof CharacterCodingException c) throw TextFiles.notUtf8(csv, c);
            throw new IOException(csv + ": not a track list (" + e.getMessage() + ")", e);
        } catch (CharacterCodingException e) {
            throw TextFiles.notUtf8(csv, e);
        }
        return files;
    }

    /**
     * Fetches the corpus into {@code dir} (resumable), then writes {@code tracks.csv}, {@code excluded.csv} and
     * {@code licenses/}.
     *
     * @param dir the corpus folder (created)
     * @param demo the demo corpus, whose source tracks are left out
     * @param listener progress, or null
     * @return the tracks
     * @throws IOException with one clear message when Debian's tools or archive cannot be used, a download does not
     *     match its checksum, or a file cannot be written
     */
    public static List<Entry> fetch(Path dir, DemoCorpus demo, Listener listener) throws IOException, InterruptedException {
        requireTool("apt-get");
        requireTool("dpkg-deb");
        Path debs = Files.createDirectories(dir.resolve("debs"));
        Files.createDirectories(dir.resolve("licenses"));
        Set<String> downstream = new TreeSet<>();
        for (DemoClip c : demo.clips()) downstream.add(c.sourceTrack());
        List<Entry> entries = new ArrayList<>();
        List<List<String>> excluded = new ArrayList<>();
        int done = 0;
        for (Package p : PACKAGES) {
            Path deb = debs.resolve(p.name() + "_" + p.version().replace(":", "%3a") + "_all.deb");
            if (!Files.isRegularFile(deb) || !sha256(deb).equals(p.sha256())) {
                if (listener != null) listener.step("downloading " + p.name() + " " + p.version(), done, PACKAGES.size());
                download(p, debs, deb);
            }
            if (listener != null) listener.step("unpacking " + p.name(), done, PACKAGES.size());
            entries.addAll(unpack(p, deb, dir, downstream, excluded));
            done++;
        }
        if (listener != null) listener.step("writing " + TRACKS, done, PACKAGES.size());
        writeCsv(dir.resolve("excluded.csv"), List.of("source", "reason"), excluded);
        List<List<String>> rows = new ArrayList<>();
        for (Entry e : entries)
            rows.add(List.of(dir.relativize(e.file()).toString(), e.pkg(), e.version(), e.source(), e.sha256(), e.license(),
                    e.attribution()));
        writeCsv(dir.resolve(TRACKS), List.of("file", "package", "version", "source", "sha256", "license", "attribution"), rows);
        return entries;
    }

    /** The package's tracks, unpacked now unless a previous run finished them (then checked by their checksums). */
    private static List<Entry> unpack(Package p, Path deb, Path dir, Set<String> downstream, List<List<String>> excluded)
            throws IOException, InterruptedException {
        Path out = dir.resolve("tracks").resolve(p.name());
        Path tmp = dir.resolve("tmp-" + p.name());
        deleteTree(tmp);
        try {
            run(List.of("dpkg-deb", "-x", deb.toString(), tmp.toString()), null, "dpkg-deb -x " + deb);
            Path copyright = tmp.resolve("usr/share/doc").resolve(p.name()).resolve("copyright");
            if (!Files.isRegularFile(copyright)) throw new IOException(deb + ": has no usr/share/doc/" + p.name() + "/copyright");
            Files.copy(copyright, dir.resolve("licenses").resolve(p.name() + ".copyright"), StandardCopyOption.REPLACE_EXISTING);
            Dep5 licenses = Dep5.parse(Files.readString(copyright, StandardCharsets.ISO_8859_1));
            Files.createDirectories(out);
            List<Entry> entries = new ArrayList<>();
            Path root = tmp.resolve(p.dir());
            try (ZipFile zip = p.pk3() == null ? null : new ZipFile(root.resolve(p.pk3()).toFile())) {
                for (String name : members(root, zip)) {
                    String inPackage = tmp.relativize(root) + "/" + (zip == null ? name : p.pk3() + "!" + name);
                    String source = p.name() + ":" + inPackage;
                    if (downstream.contains(source)) {
                        excluded.add(List.of(source, "source track of demo clips (a downstream track)"));
                        continue;
                    }
                    String base = name.substring(name.lastIndexOf('/') + 1);
                    Path file = out.resolve(base.replace(' ', '_'));
                    Path part = out.resolve(file.getFileName() + ".part");
                    try (InputStream in = zip == null ? Files.newInputStream(root.resolve(name)) : zip.getInputStream(zip.getEntry(name))) {
                        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    String where = p.dir() + "/" + name;
                    String license = p.license() != null ? p.license() : licenses.license(where);
                    String holders = p.holders() != null ? p.holders() : licenses.copyright(where);
                    String attribution = String.format(Locale.ROOT, "\"%s\" from %s; %s; Debian package %s %s, file %s",
                            base.substring(0, base.lastIndexOf('.')), p.game(), holders, p.name(), p.version(), base);
                    entries.add(new Entry(file, p.name(), p.version(), source, sha256(file), license, attribution));
                }
            }
            return entries;
        } finally {
            deleteTree(tmp);
        }
    }

    /** The {@code .ogg} files below {@code root} (relative paths) or in {@code zip} (entry names), sorted. */
    private static List<String> members(Path root, ZipFile zip) throws IOException {
        List<String> names = new ArrayList<>();
        if (zip == null) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(f -> Files.isRegularFile(f) && isOgg(f.toString())).forEach(f -> names.add(root.relativize(f).toString()));
            }
        } else {
            for (ZipEntry e : Collections.list(zip.entries())) if (!e.isDirectory() && isOgg(e.getName())) names.add(e.getName());
        }
        names.sort(null);
        return names;
    }

    private static boolean isOgg(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".ogg");
    }

    private static void download(Package p, Path debs, Path deb) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(debs, "download-");
        try {
            run(List.of("apt-get", "download", "-q", p.name() + "=" + p.version()), work,
                    "apt-get download " + p.name() + "=" + p.version() + " (Debian 12's archive must be reachable, "
                            + "after 'apt-get update')");
            List<Path> got;
            try (Stream<Path> s = Files.list(work)) {
                got = s.filter(f -> f.getFileName().toString().endsWith(".deb")).toList();
            }
            if (got.size() != 1) throw new IOException("apt-get download " + p.name() + ": expected one .deb, got " + got);
            String sum = sha256(got.get(0));
            if (!sum.equals(p.sha256()))
                throw new IOException("apt-get download " + p.name() + "=" + p.version() + ": SHA-256 " + sum
                        + " is not the pinned " + p.sha256() + " (another build of that version?)");
            Files.move(got.get(0), deb, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(work);
        }
    }

    private static void requireTool(String tool) throws IOException {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) return;
        throw new IOException("corpus " + NAME + " needs Debian's " + tool + " (not found on PATH): it is fetched from "
                + "Debian 12's archive with 'apt-get download'; on another system, fetch the packages "
                + PACKAGES.stream().map(Package::name).toList() + " by hand");
    }

    /** Runs a command; on failure, an IOException with {@code what} and the command's last output line. */
    private static void run(List<String> cmd, Path workDir, String what) throws IOException, InterruptedException {
        // output to a file, so that the time limit holds even when the command stops writing without exiting
        Path log = Files.createTempFile("musicoder-" + cmd.get(0), ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            if (workDir != null) pb.directory(workDir.toFile());
            Process proc = pb.start();
            if (!proc.waitFor(30, TimeUnit.MINUTES)) {
                proc.destroyForcibly();
                throw new IOException(what + ": timed out after 30 minutes");
            }
            if (proc.exitValue() != 0) {
                String[] lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).strip().split("\n");
                String last = lines[lines.length - 1].strip();
                for (String l : lines) if (l.startsWith("E:")) last = l.strip();
                throw new IOException(what + " failed (exit " + proc.exitValue() + "): " + last);
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeCsv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            out.printRecord(header);
            for (List<String> row : rows) out.printRecord(row);
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

}
