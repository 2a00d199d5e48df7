package org.musicoder.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code Files} stanzas of a Debian machine-readable copyright file (DEP-5): which license and copyright holders
 * a file has. As DEP-5 says, the last stanza that matches a file wins. A pattern matches a path when its trailing
 * segments match the path's trailing segments ({@code *} and {@code ?} within a segment), because copyright files
 * name paths of the source tree ({@code base/music/x.ogg}) and packages install them elsewhere
 * ({@code usr/share/games/ufoai/base/music/x.ogg}).
 */
final class Dep5 {
    private record Stanza(List<String[]> patterns, String license, String copyright) {}

    private final List<Stanza> stanzas;

    private Dep5(List<Stanza> stanzas) {
        this.stanzas = stanzas;
    }

    /** Parses the text of a copyright file; a file without {@code Files} stanzas gives "see copyright file". */
    static Dep5 parse(String text) {
        List<Stanza> out = new ArrayList<>();
        for (String block : text.replace("\r", "").split("\n\\s*\n")) {
            String files = field(block, "Files");
            String license = field(block, "License");
            if (files == null || license == null) continue;
            List<String[]> patterns = new ArrayList<>();
            for (String p : files.trim().split("\\s+")) patterns.add(p.split("/"));
            String copyright = field(block, "Copyright");
            out.add(new Stanza(patterns, license.lines().findFirst().orElse("").trim(),
                    copyright == null ? "" : String.join("; ", copyright.lines().map(String::trim).filter(l -> !l.isEmpty()).toList())));
        }
        return new Dep5(out);
    }

    /** The license name (the first line of {@code License}) of a path, or {@code "see copyright file"}. */
    String license(String path) {
        Stanza s = match(path);
        return s == null ? "see copyright file" : s.license();
    }

    /** The copyright holders of a path ({@code Copyright} lines joined by "; "), or {@code "see copyright file"}. */
    String copyright(String path) {
        Stanza s = match(path);
        return s == null || s.copyright().isEmpty() ? "see copyright file" : "(c) " + s.copyright();
    }

    private Stanza match(String path) {
        String[] segs = path.split("/");
        Stanza found = null;
        for (Stanza s : stanzas)
            for (String[] p : s.patterns())
                if (matches(p, segs)) found = s;
        return found;
    }

    private static boolean matches(String[] pattern, String[] path) {
        int k = Math.min(pattern.length, path.length);
        for (int i = 1; i <= k; i++)
            if (!glob(pattern[pattern.length - i]).matcher(path[path.length - i]).matches()) return false;
        return true;
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char c : g.toCharArray()) {
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }

    /** The value of a field of a stanza (continuation lines included), or null. */
    private static String field(String block, String name) {
        StringBuilder value = null;
        for (String line : block.split("\n")) {
            if (value != null) {
                if (line.startsWith(" ") || line.startsWith("\t")) {
                    value.append('\n').append(line.trim().equals(".") ? "" : line.trim());
                    continue;
                }
                break;
            }
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                value = new StringBuilder(line.substring(name.length() + 1).trim());
        }
        return value == null ? null : value.toString();
    }
}
