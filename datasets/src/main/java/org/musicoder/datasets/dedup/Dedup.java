package org.musicoder.datasets.dedup;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.musicoder.audio.AudioException;
import org.musicoder.datasets.AudioFolder;
import org.musicoder.datasets.MtgJamendo;
import org.musicoder.datasets.Track;
import org.musicoder.features.FeatureBatch;

/**
 * Removes downstream clips from a pretraining corpus folder (the paper pretrains on its corpora "minus the downstream
 * clips"). Every audio file below the folder ({@link AudioFolder}) is checked against the downstream data
 * ({@link Downstream}): by name, when it is an MTG-Jamendo file ({@link MtgJamendo#trackId}) whose id a downstream
 * split lists; else by content, when its fingerprint contains, or is contained in, a downstream clip's
 * ({@link ContentMatcher}). The files found are written to the corpus's {@link ExclusionList} (replacing an earlier
 * one: name every downstream set in one run), and why to a report CSV.
 * <p>
 * A file that cannot be decoded is skipped and reported, not fatal: a corpus file stays in (pretraining skips it
 * too), a downstream clip is not looked for.
 */
public final class Dedup {
    /** The report's default file name inside the corpus folder. */
    public static final String REPORT = "dedup-report.csv";
    /** Report reason: the file's MTG-Jamendo id is in a downstream split. */
    public static final String ID = "id";
    /** Report reason: the file's audio contains, or is contained in, a downstream clip. */
    public static final String CONTENT = "content";
    /** The report's columns. */
    public static final List<String> COLUMNS = List.of("file", "reason", "downstream", "match", "offset_s", "bit_error_rate");

    private Dedup() {}

    /**
     * How to match and how hard to work.
     *
     * @param maxBitErrorRate content matches have a bit error rate below this ({@link ContentMatcher})
     * @param minSeconds      content matches overlap at least this long (seconds)
     * @param threads         files decoded and fingerprinted at once (>= 1)
     */
    public record Options(double maxBitErrorRate, double minSeconds, int threads) {
        /** @throws IllegalArgumentException if a value is out of range (the message says which) */
        public Options {
            ContentMatcher.checkThresholds(maxBitErrorRate, minSeconds);
            if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }

        /** {@link ContentMatcher}'s defaults, one thread. */
        public static final Options DEFAULT = new Options(ContentMatcher.MAX_BIT_ERROR_RATE, ContentMatcher.MIN_SECONDS, 1);
    }

    /**
     * One corpus file left out.
     *
     * @param file          path relative to the corpus folder, {@code /} separators
     * @param reason        {@link #ID} or {@link #CONTENT}
     * @param downstream    name of the downstream set ({@link Downstream#name})
     * @param match         the downstream clip or track id it matched
     * @param offsetSeconds where the downstream clip starts in the file (seconds; negative: before the file starts,
     *                      i.e. the file is an excerpt of the clip); NaN for {@link #ID}
     * @param bitErrorRate  of the aligned fingerprints; NaN for {@link #ID}
     */
    public record Removal(String file, String reason, String downstream, String match, double offsetSeconds,
                          double bitErrorRate) {}

    /**
     * What a run did.
     *
     * @param files      corpus files read from the folder
     * @param removals   the files left out, sorted by file
     * @param skipped    one line per file that could not be read (corpus or downstream)
     * @param report     the report CSV written
     * @param exclusions the exclusion list written
     */
    public record Result(int files, List<Removal> removals, List<String> skipped, Path report, Path exclusions) {
        /** How many removals have this reason. */
        public long count(String reason) {
            return removals.stream().filter(r -> r.reason().equals(reason)).count();
        }
    }

    /** Progress of a run. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param stage   {@code downstream} (fingerprinting the downstream clips) or {@code corpus} (checking the corpus)
         * @param done    items finished in this stage
         * @param total   items in this stage
         * @param removed corpus files found so far
         */
        void progress(String stage, int done, int total, int removed);
    }

    /**
     * Checks a corpus folder and writes its report and exclusion list.
     *
     * @param corpus   the corpus folder (every audio file below it)
     * @param against  the downstream data
     * @param report   the report CSV to write, or null for {@code corpus/}{@value #REPORT}
     * @param options  thresholds and threads
     * @param listener progress, or null
     * @param warn     receives one line per file that cannot be read (also in {@link Result#skipped})
     * @return what was done
     * @throws IOException if the corpus is not a folder or holds no audio, or the report or list cannot be written
     */
    public static Result run(Path corpus, List<Downstream> against, Path report, Options options, Listener listener,
                             Consumer<String> warn) throws IOException, InterruptedException {
        if (!Files.isDirectory(corpus)) throw new IOException(corpus + ": not a folder");
        List<String> skipped = new ArrayList<>();
        Consumer<String> skip = w -> {
            skipped.add(w);
            warn.accept(w);
        };
        Listener progress = listener != null ? listener : (s, d, t, r) -> {};
        List<Track> files = AudioFolder.read(corpus, skip).tracks();

        Map<String, String> ids = new HashMap<>();
        List<Track> clips = new ArrayList<>();
        List<String> clipSets = new ArrayList<>();
        for (Downstream d : against) {
            for (String id : d.mtgJamendoIds()) ids.putIfAbsent(id, d.name());
            for (Track t : d.clips()) {
                clips.add(t);
                clipSets.add(d.name());
            }
        }
        List<Fingerprint> prints = new ArrayList<>();
        List<Integer> printed = new ArrayList<>();
        FeatureBatch.inOrder(clips, options.threads(), "dedup", t -> Fingerprint.of(t.audio()), (i, fp, error) -> {
            if (error != null) {
                skip.accept(message(clips.get(i).audio(), error) + " (downstream clip, not looked for)");
            } else {
                prints.add(fp);
                printed.add(i);
            }
            progress.progress("downstream", i + 1, clips.size(), 0);
        });
        ContentMatcher matcher = prints.isEmpty() ? null
                : new ContentMatcher(prints, options.maxBitErrorRate(), options.minSeconds());

        List<Removal> removals = new ArrayList<>();
        FeatureBatch.inOrder(files, options.threads(), "dedup", t -> {
            Optional<String> id = MtgJamendo.trackId(t.audio());
            if (id.isPresent() && ids.containsKey(id.get()))
                return Optional.of(new Removal(t.id(), ID, ids.get(id.get()), id.get(), Double.NaN, Double.NaN));
            if (matcher == null) return Optional.<Removal>empty();
            return matcher.find(Fingerprint.of(t.audio())).map(m -> {
                int clip = printed.get(m.clip());
                return new Removal(t.id(), CONTENT, clipSets.get(clip), clips.get(clip).id(), m.offsetSeconds(),
                        m.bitErrorRate());
            });
        }, (i, found, error) -> {
            if (error != null) skip.accept(message(files.get(i).audio(), error) + " (corpus file, not checked)");
            else found.ifPresent(removals::add);
            progress.progress("corpus", i + 1, files.size(), removals.size());
        });
        removals.sort(Comparator.comparing(Removal::file));

        Path reportFile = report != null ? report : corpus.resolve(REPORT);
        writeReport(reportFile, removals);
        Path list = ExclusionList.write(corpus, removals.stream().map(Removal::file).toList());
        return new Result(files.size(), List.copyOf(removals), List.copyOf(skipped), reportFile, list);
    }

    /**
     * Writes the report: {@link #COLUMNS}, one row per removal; offsets in seconds to 3 decimals, bit error rates to
     * 4, both empty for {@link #ID} rows.
     *
     * @param file    the CSV file (its folder is created)
     * @param removals the rows
     * @throws IOException if it cannot be written
     */
    public static void writeReport(Path file, List<Removal> removals) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            out.printRecord(COLUMNS);
            for (Removal r : removals)
                out.printRecord(r.file(), r.reason(), r.downstream(), r.match(), number(r.offsetSeconds(), "%.3f"),
                        number(r.bitErrorRate(), "%.4f"));
        }
    }

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }

    private static String message(Path file, Exception e) {
        if (e instanceof AudioException) return e.getMessage();
        return file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage().replace('\n', ' '));
    }
}
