package org.musicoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.musicoder.datasets.DebianMusic;
import org.musicoder.datasets.DemoCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code musicoder corpus fetch debian-music}: builds an unlabelled pretraining corpus. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Unlabelled pretraining corpora (then: pretrain --data NAME).",
        subcommands = CorpusCommand.Fetch.class)
final class CorpusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code corpus fetch debian-music [--dir DIR]}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Fetch " + DebianMusic.NAME + ": 9.4 h of DFSG-free game music (136 tracks) from Debian 12 packages "
                    + "(apt-get download, no system install; checksums pinned), without the demo corpus's source tracks.",
                    "Writes DIR/tracks/, DIR/tracks.csv (checksum, license, attribution per track), DIR/excluded.csv "
                            + "and DIR/licenses/. Resumable: downloaded packages are kept."})
    static final class Fetch implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The corpus: " + DebianMusic.NAME + ".")
        String name;

        @Option(names = "--dir", paramLabel = "DIR", description = "Where to put it (default: CACHE/corpora/NAME, "
                + "where --data NAME finds it).")
        Path dir;

        @Option(names = "--cache", paramLabel = "DIR", description = "Cache folder (default: $MUSICODER_CACHE or ~/.cache/musicoder).")
        Path cache;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (!name.equals(DebianMusic.NAME)) {
                err.println("musicoder corpus fetch: unknown corpus '" + name + "' (known: " + DebianMusic.NAME + ")");
                err.flush();
                return 2;
            }
            Path target = dir != null ? dir : DebianMusic.defaultDir(cache != null ? cache : Cache.defaultDir());
            List<DebianMusic.Entry> tracks;
            try {
                tracks = DebianMusic.fetch(target, DemoCorpus.load(), (what, done, total) -> {
                    int width = 20;
                    int filled = total == 0 ? width : done * width / total;
                    err.printf(Locale.ROOT, "[%s%s] %d/%d %s%n", "#".repeat(filled), ".".repeat(width - filled), done, total, what);
                    err.flush();
                });
            } catch (IOException e) {
                err.println("musicoder corpus fetch: " + e.getMessage());
                err.flush();
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s: %d tracks in %s (list: %s)%n", DebianMusic.NAME, tracks.size(), target.resolve("tracks"),
                    target.resolve(DebianMusic.TRACKS));
            out.flush();
            return 0;
        }
    }
}
