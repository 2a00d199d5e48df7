package org.musicoder.pretrain;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musicoder.io.TextFiles;

/**
 * {@code log.jsonl}: one line {@code {"step":N,"loss":L,"lr":R,"time_s":S}} per step, appended and flushed
 * as the step ends. Opening it for a resumed run first drops every line after the checkpoint's step (and a
 * line cut short by a crash), so the file holds each step once.
 */
public final class TrainLog implements Closeable {
    /** File name in the output folder. */
    public static final String FILE = "log.jsonl";

    private static final Pattern STEP = Pattern.compile("^\\{\"step\":(\\d+),.*\\}$");

    private final BufferedWriter out;

    private TrainLog(BufferedWriter out) {
        this.out = out;
    }

    /**
     * Opens the log for appending, keeping only the complete lines of steps {@code 1 .. keepThrough}.
     *
     * @param file the log file (created if absent)
     * @param keepThrough last step to keep (0 for a new run: the file is emptied)
     * @return the log
     * @throws IOException if it cannot be read or written
     */
    public static TrainLog open(Path file, long keepThrough) throws IOException {
        List<String> keep = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : TextFiles.lines(file)) {
                Matcher m = STEP.matcher(line);
                if (m.matches() && m.group(1).length() < 19 && Long.parseLong(m.group(1)) <= keepThrough) keep.add(line);
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, keep, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new TrainLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
    }

    /**
     * Appends one step's line and flushes it.
     *
     * @param r the step
     * @param seconds training time at its end
     * @throws IOException if it cannot be written
     */
    public void append(StepResult r, double seconds) throws IOException {
        out.write(String.format(Locale.ROOT, "{\"step\":%d,\"loss\":%s,\"lr\":%s,\"time_s\":%.3f}", r.step(),
                Float.toString(r.loss()), Double.toString(r.lr()), seconds));
        out.newLine();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
