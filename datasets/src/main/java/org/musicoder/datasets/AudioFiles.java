package org.musicoder.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The audio file types the readers accept, and a cheap sanity check of a file (it exists, is not empty and its
 * first bytes match its extension). The check reads at most 12 bytes; damage deeper inside a file shows up only
 * when it is decoded ({@link org.musicoder.audio.AudioException}).
 */
public final class AudioFiles {
    /** Accepted extensions, lower case, without the dot. */
    public static final Set<String> EXTENSIONS = Set.of("wav", "au", "snd", "aif", "aiff", "aifc", "flac", "ogg",
            "oga", "opus", "mp3", "m4a", "mp4");

    private AudioFiles() {}

    /** The lower-case extension of {@code file} without the dot, or {@code ""}. */
    public static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file name without its last extension ({@code blues.00029.wav} gives {@code blues.00029}). */
    public static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    /** Whether {@code file} has one of the {@link #EXTENSIONS} (case-insensitive). */
    public static boolean isAudio(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    /**
     * Why {@code file} cannot be audio, if it visibly cannot.
     *
     * @param file an audio file with one of the {@link #EXTENSIONS}
     * @return empty if the file exists, is non-empty and starts like its type (RIFF/RIFX/RF64 ... WAVE for wav,
     *         {@code .snd} for au/snd, FORM ... AIFF/AIFC for aif/aiff/aifc, {@code fLaC} for flac, {@code OggS}
     *         for ogg/oga/opus, an ID3 tag or an MPEG frame sync for mp3, an {@code ftyp} box for m4a/mp4); else
     *         the reason, in a few words
     */
    public static Optional<String> problem(Path file) {
        if (!Files.isRegularFile(file)) return Optional.of("missing");
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Optional.of("unreadable (" + e.getMessage() + ")");
        }
        if (n == 0) return Optional.of("empty");
        String ascii = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        boolean ok = switch (extension(file)) {
            case "wav" -> n == 12 && (ascii.startsWith("RIFF") || ascii.startsWith("RIFX") || ascii.startsWith("RF64"))
                    && ascii.startsWith("WAVE", 8);
            case "au", "snd" -> ascii.startsWith(".snd");
            case "flac" -> ascii.startsWith("fLaC") || ascii.startsWith("ID3");
            case "aif", "aiff", "aifc" -> n == 12 && ascii.startsWith("FORM")
                    && (ascii.startsWith("AIFF", 8) || ascii.startsWith("AIFC", 8));
            case "ogg", "oga", "opus" -> ascii.startsWith("OggS");
            case "m4a", "mp4" -> n >= 8 && ascii.startsWith("ftyp", 4);
            case "mp3" -> ascii.startsWith("ID3") || (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0);
            default -> false;
        };
        return ok ? Optional.empty() : Optional.of("not a ." + extension(file) + " file (bad header)");
    }
}
