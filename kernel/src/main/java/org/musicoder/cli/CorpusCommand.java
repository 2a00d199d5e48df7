package org.musicoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.musicoder.datasets.DebianMusic;
import org.musicoder.datasets.DemoCorpus;
import org.musicoder.datasets.dedup.ContentMatcher;
import org.musicoder.datasets.dedup.Dedup;
import org.musicoder.datasets.dedup.Downstream;
import org.musicoder.datasets.dedup.ExclusionList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code musicoder corpus fetch debian-music}: builds an unlabelled pretraining corpus; {@code musicoder corpus dedup}:
 * leaves the downstream clips out of one.
 */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Unlabelled pretraining corpora (then: pretrain --data NAME).",
        subcommands = {CorpusCommand.Fetch.class, CorpusCommand.DedupCorpus.class})
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

    /** {@code corpus dedup --corpus DIR --against SPEC... [--report FILE]}. */
    @Command(name = "dedup", mixinStandardHelpOptions = true,
            description = {"Leave downstream clips out of a pretraining corpus: MTG-Jamendo files by track id, any audio by "
                    + "content (a fingerprint that survives re-encoding and resampling, and finds an excerpt inside a longer "
                    + "file).",
                    "Writes DIR/" + ExclusionList.FILE + " (pretrain --data DIR then leaves those files out; each run replaces "
                            + "it, so name every downstream set in one run) and a report CSV: file, reason (id or content), "
                            + "downstream set, the clip it matched, offset_s (where that clip starts in the file) and "
                            + "bit_error_rate."})
    static final class DedupCorpus implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--corpus", required = true, paramLabel = "DIR",
                description = "The pretraining corpus: a folder of audio (every file below it), or " + DebianMusic.NAME + ".")
        String corpus;

        @Option(names = "--against", required = true, arity = "1..*", paramLabel = "SPEC",
                description = "Downstream data: " + Downstream.FORMS + ". Repeatable.")
        List<String> against;

        @Option(names = "--report", paramLabel = "FILE", description = "Report CSV (default: DIR/" + Dedup.REPORT + ").")
        Path report;

        @Option(names = "--max-ber", paramLabel = "X", defaultValue = "" + ContentMatcher.MAX_BIT_ERROR_RATE,
                description = "A content match's bit error rate is below this (default ${DEFAULT-VALUE}; the same recording "
                        + "measured <= 0.06, unrelated music >= 0.43).")
        double maxBer;

        @Option(names = "--min-seconds", paramLabel = "S", defaultValue = "" + ContentMatcher.MIN_SECONDS,
                description = "A content match overlaps at least this long (default ${DEFAULT-VALUE}).")
        double minSeconds;

        @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "Files decoded at once (default 1).")
        int threads;

        @Option(names = "--cache", paramLabel = "DIR", description = "Cache folder, for " + DebianMusic.NAME
                + " and the demo clips (default: $MUSICODER_CACHE or ~/.cache/musicoder).")
        Path cache;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Dedup.Options options;
            try {
                options = new Dedup.Options(maxBer, minSeconds, threads);
            } catch (IllegalArgumentException e) {
                return fail(err, e.getMessage(), 2);
            }
            Path cacheDir = cache != null ? cache : Cache.defaultDir();
            Path dir = corpus.equals(DebianMusic.NAME) ? DebianMusic.defaultDir(cacheDir) : Path.of(corpus);
            Dedup.Result r;
            try {
                List<Downstream> sets = new ArrayList<>();
                for (String a : against) sets.add(Downstream.parse(a, cacheDir, w -> err.println("musicoder: " + w)));
                long[] last = {System.nanoTime()};
                r = Dedup.run(dir, sets, report, options,
                        (stage, done, total, removed) -> {
                            // at the end of each stage, and every 10 s
                            if (done != total && System.nanoTime() - last[0] < 10_000_000_000L) return;
                            last[0] = System.nanoTime();
                            err.printf(Locale.ROOT, "dedup: %s %d/%d%s%n", stage.equals("corpus") ? "corpus files" : "downstream clips",
                                    done, total, stage.equals("corpus") ? ", " + removed + " removed" : " fingerprinted");
                            err.flush();
                        },
                        w -> err.println("musicoder: " + w));
            } catch (IOException e) {
                return fail(err, e.getMessage(), 1);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "dedup: %d of %d files left out of %s (%d by id, %d by content); report %s; list %s%n",
                    r.removals().size(), r.files(), dir, r.count(Dedup.ID), r.count(Dedup.CONTENT), r.report(), r.exclusions());
            if (!r.skipped().isEmpty())
                out.printf(Locale.ROOT, "dedup: %d files could not be read and were not checked (listed on stderr)%n", r.skipped().size());
            out.flush();
            return 0;
        }

        private static int fail(PrintWriter err, String message, int code) {
            err.println("musicoder corpus dedup: " + message);
            err.flush();
            return code;
        }
    }
}
