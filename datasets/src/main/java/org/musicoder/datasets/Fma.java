package org.musicoder.datasets;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.musicoder.io.TextFiles;

/**
 * Reads the Free Music Archive dataset (Defferrard et al. 2017) from {@code fma_metadata/tracks.csv} and an audio
 * folder laid out as {@code NNN/NNNNNN.mp3} (the track id zero-padded to 6 digits; {@code NNN} its first 3).
 * <p>
 * {@code tracks.csv} has three header rows: the column group ({@code track}, {@code set}, ...), the column name
 * ({@code genre_top}, {@code subset}, ...), then a row starting {@code track_id}. Columns are found by (group, name).
 * A track's label is {@code track.genre_top} (no label when it is empty, as for about half of the large subset);
 * its artist is {@code artist.id}; its split is {@code set.split} ({@code training/validation/test}). The subsets
 * nest: {@code set.subset} names the smallest one holding a track, so reading {@code MEDIUM} takes tracks marked
 * small or medium. Tracks whose audio is missing or fails {@link AudioFiles#problem} are skipped with a warning.
 */
public final class Fma {
    /** The nested FMA subsets. */
    public enum Subset { SMALL, MEDIUM, LARGE }

    private static final Logger LOG = Logger.getLogger(Fma.class.getName());

    private Fma() {}

    /**
     * As {@link #read(Path, Path, Subset, Consumer)} with {@code root/fma_metadata/tracks.csv} and the audio folder
     * {@code root/fma_<subset>} if present, else {@code root/fma_large}, else {@code root/fma_full}; warnings logged.
     */
    public static Dataset read(Path root, Subset subset) throws IOException {
        Path audio = null;
        for (String name : List.of("fma_" + subset.name().toLowerCase(Locale.ROOT), "fma_large", "fma_full")) {
            if (Files.isDirectory(root.resolve(name))) {
                audio = root.resolve(name);
                break;
            }
        }
        if (audio == null) throw new IOException(root + ": no fma_" + subset.name().toLowerCase(Locale.ROOT)
                + ", fma_large or fma_full audio folder");
        return read(root.resolve("fma_metadata").resolve("tracks.csv"), audio, subset, LOG::warning);
    }

    /**
     * Reads one subset with its official split.
     *
     * @param tracksCsv FMA's {@code tracks.csv}
     * @param audioDir  folder holding {@code NNN/NNNNNN.mp3}
     * @param subset    which (nested) subset to read
     * @param warn      receives one line per skipped track
     * @return dataset {@code fma-<subset>}, tracks in file order (id = {@code track_id}), one split {@code official}
     * @throws IOException if the file is missing or malformed (the message names file and row)
     */
    public static Dataset read(Path tracksCsv, Path audioDir, Subset subset, Consumer<String> warn)
            throws IOException {
        if (!Files.isRegularFile(tracksCsv)) throw new IOException(tracksCsv + ": missing FMA tracks.csv");
        List<Track> train = new ArrayList<>();
        List<Track> validation = new ArrayList<>();
        List<Track> test = new ArrayList<>();
        List<Track> tracks = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(tracksCsv, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.parse(r)) {
            Iterator<CSVRecord> it = csv.iterator();
            CSVRecord groups = next(it, tracksCsv);
            CSVRecord names = next(it, tracksCsv);
            CSVRecord idRow = next(it, tracksCsv);
            if (!idRow.get(0).equals("track_id"))
                throw new IOException(tracksCsv + ": row 3: expected 'track_id' (FMA's three header rows)");
            int subsetCol = column(groups, names, "set", "subset", tracksCsv);
            int splitCol = column(groups, names, "set", "split", tracksCsv);
            int genreCol = column(groups, names, "track", "genre_top", tracksCsv);
            int artistCol = column(groups, names, "artist", "id", tracksCsv);
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                String where = tracksCsv + ": record " + rec.getRecordNumber();
                if (rec.size() != names.size()) throw new IOException(where + ": " + rec.size() + " fields, expected " + names.size());
                Subset s = parseSubset(rec.get(subsetCol), where);
                if (s.compareTo(subset) > 0) continue;
                int id;
                try {
                    id = Integer.parseInt(rec.get(0));
                } catch (NumberFormatException e) {
                    throw new IOException(where + ": bad track_id '" + rec.get(0) + "'");
                }
                Path audio = audioPath(audioDir, id);
                Optional<String> problem = AudioFiles.problem(audio);
                if (problem.isPresent()) {
                    warn.accept(audio + ": " + problem.get() + " (track " + id + " skipped)");
                    continue;
                }
                String genre = rec.get(genreCol);
                Track t = new Track(rec.get(0), audio, genre.isEmpty() ? List.of() : List.of(genre), rec.get(artistCol));
                switch (rec.get(splitCol)) {
                    case "training" -> train.add(t);
                    case "validation" -> validation.add(t);
                    case "test" -> test.add(t);
                    default -> throw new IOException(where + ": unknown set.split '" + rec.get(splitCol) + "'");
                }
                tracks.add(t);
            }
        } catch (IllegalStateException | UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException c) throw TextFiles.notUtf8(tracksCsv, c);
            throw new IOException(tracksCsv + ": malformed CSV: " + e.getMessage(), e);
        } catch (CharacterCodingException e) {
            throw TextFiles.notUtf8(tracksCsv, e);
        }
        String name = "fma-" + subset.name().toLowerCase(Locale.ROOT);
        return new Dataset(name, Dataset.vocabularyOf(tracks), tracks,
                List.of(new Split("official", train, validation, test)));
    }

    /** {@code audioDir/NNN/NNNNNN.mp3} for track {@code id}. */
    public static Path audioPath(Path audioDir, int id) {
        String six = String.format(Locale.ROOT, "%06d", id);
        return audioDir.resolve(six.substring(0, 3)).resolve(six + ".mp3");
    }

    private static CSVRecord next(Iterator<CSVRecord> it, Path file) throws IOException {
        if (!it.hasNext()) throw new IOException(file + ": ends inside FMA's three header rows");
        return it.next();
    }

    private static int column(CSVRecord groups, CSVRecord names, String group, String name, Path file)
            throws IOException {
        for (int i = 0; i < Math.min(groups.size(), names.size()); i++)
            if (groups.get(i).equals(group) && names.get(i).equals(name)) return i;
        throw new IOException(file + ": no column " + group + "." + name);
    }

    private static Subset parseSubset(String s, String where) throws IOException {
        return switch (s) {
            case "small" -> Subset.SMALL;
            case "medium" -> Subset.MEDIUM;
            case "large" -> Subset.LARGE;
            default -> throw new IOException(where + ": unknown set.subset '" + s + "'");
        };
    }
}
