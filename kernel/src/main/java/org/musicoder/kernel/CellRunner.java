package org.musicoder.kernel;

import java.util.function.Supplier;
import org.musicoder.kernel.java.JavaSession;
import org.musicoder.kernel.magic.MagicRunner;

/**
 * Runs a cell: a cell magic when the first line starts with {@code %%}; otherwise its lines in order, each line
 * starting with {@code %} a line magic and each run of other lines Java (magic lines count as blank lines, so Java
 * errors name the cell's own line numbers). The cell's value is the last Java expression's, when Java comes last,
 * or the value a cell magic gives (a {@code %%js} cell's last value).
 */
final class CellRunner {
    private final MagicRunner magics;
    private final Supplier<JavaSession> java;

    CellRunner(MagicRunner magics, Supplier<JavaSession> java) {
        this.magics = magics;
        this.java = java;
    }

    /**
     * @param cell  the cell's code
     * @param count its execution count
     * @param out   its outputs
     * @return the value to show, or null
     * @throws CellError the first failure (later lines do not run)
     */
    JavaSession.Value run(String cell, int count, CellOutput out) throws CellError {
        if (cell.startsWith("%%")) {
            int nl = cell.indexOf('\n');
            String first = nl < 0 ? cell : cell.substring(0, nl);
            String[] nameArgs = nameAndArgs(first.substring(2));
            Object result = magics.run(nameArgs[0], true, nameArgs[1], nl < 0 ? "" : cell.substring(nl + 1), out, count);
            return result == null ? null : new JavaSession.Value(result);
        }
        String[] lines = cell.split("\n", -1);
        StringBuilder chunk = new StringBuilder();
        boolean hasJava = false;
        JavaSession.Value value = null;
        for (String line : lines) {
            if (line.startsWith("%")) {
                if (hasJava) java.get().eval(chunk.toString(), count);
                hasJava = false;
                value = null;
                String[] nameArgs = nameAndArgs(line.substring(1));
                magics.run(nameArgs[0], false, nameArgs[1], "", out, count);
                chunk.append('\n');
            } else {
                chunk.append(line).append('\n');
                if (!line.isBlank()) hasJava = true;
            }
        }
        if (hasJava) value = java.get().eval(chunk.toString(), count);
        return value;
    }

    /** A magic line's name and the rest (after {@code %} or {@code %%}). */
    static String[] nameAndArgs(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) i++;
        return new String[] {s.substring(0, i), s.substring(i)};
    }

    /** The line of {@code code} that holds offset {@code at}, up to the offset's line end. */
    static String lineAt(String code, int at) {
        int pos = Math.min(Math.max(at, 0), code.length());
        int start = code.lastIndexOf('\n', pos - 1) + 1;
        int end = code.indexOf('\n', pos);
        return code.substring(start, end < 0 ? code.length() : end);
    }
}
