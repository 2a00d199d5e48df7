package org.musicoder.kernel.magic;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.musicoder.kernel.java.JavaSession.Completions;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Completes a magic line: magic names after {@code %}, option names after {@code -}, an option's or positional's
 * candidates (e.g. {@code cfm}, {@code tiny}), dataset clip names after {@code dataset:}, and file paths for
 * PATH and DIR arguments.
 */
public final class MagicCompleter {
    private final MagicRegistry registry;
    private final Session session;

    /**
     * @param registry the magics
     * @param session  for the selected dataset's clip names
     */
    public MagicCompleter(MagicRegistry registry, Session session) {
        this.registry = registry;
        this.session = session;
    }

    /**
     * @param line       the magic's line (starting with {@code %})
     * @param lineStart  offset of the line in the cell
     * @param cursor     cursor offset in the line
     * @return completions with offsets in the cell
     */
    public Completions complete(String line, int lineStart, int cursor) {
        boolean cell = line.startsWith("%%");
        int nameStart = cell ? 2 : 1;
        int nameEnd = nameStart;
        while (nameEnd < line.length() && !Character.isWhitespace(line.charAt(nameEnd))) nameEnd++;
        if (cursor <= nameEnd) {
            String prefix = line.substring(nameStart, cursor);
            List<String> names = new ArrayList<>();
            for (MagicRegistry.Entry e : registry.all())
                if (e.name().startsWith(prefix) && e.isCell() == cell) names.add((cell ? "%%" : "%") + e.name());
            return new Completions(names, lineStart, lineStart + cursor);
        }
        MagicRegistry.Entry entry = registry.get(line.substring(nameStart, nameEnd));
        if (entry == null) return new Completions(List.of(), lineStart + cursor, lineStart + cursor);
        CommandSpec spec = entry.commandLine(entry.create()).getCommandSpec();
        String args = line.substring(nameEnd, cursor);
        List<Tokens.Token> tokens = Tokens.splitLenient(args);
        boolean fresh = args.isEmpty() || Character.isWhitespace(args.charAt(args.length() - 1));
        String word = fresh || tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1).text();
        int wordStart = fresh || tokens.isEmpty() ? cursor : nameEnd + tokens.get(tokens.size() - 1).start();
        List<String> before = tokens.subList(0, fresh ? tokens.size() : Math.max(0, tokens.size() - 1))
                .stream().map(Tokens.Token::text).toList();
        List<String> matches = candidates(spec, before, word);
        return new Completions(matches, lineStart + wordStart, lineStart + cursor);
    }

    private List<String> candidates(CommandSpec spec, List<String> before, String word) {
        TreeSet<String> out = new TreeSet<>();
        OptionSpec pending = before.isEmpty() ? null : spec.findOption(before.get(before.size() - 1));
        if (pending != null && pending.arity().max() > 0) {
            addArg(out, pending, word);
        } else if (word.startsWith("-")) {
            for (OptionSpec o : spec.options())
                for (String n : o.names()) if (n.startsWith(word)) out.add(n);
        } else {
            int index = positionalIndex(spec, before);
            for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters())
                if (p.index().contains(index)) addArg(out, p, word);
        }
        return new ArrayList<>(out);
    }

    /** Index of the next positional, counting the words before that are neither options nor their values. */
    private static int positionalIndex(CommandSpec spec, List<String> before) {
        int index = 0;
        for (int i = 0; i < before.size(); i++) {
            OptionSpec o = spec.findOption(before.get(i));
            if (o != null) {
                if (o.arity().max() > 0) i++;
            } else if (!before.get(i).startsWith("-")) {
                index++;
            }
        }
        return index;
    }

    private void addArg(TreeSet<String> out, ArgSpec arg, String word) {
        if (arg.completionCandidates() != null)
            for (String c : arg.completionCandidates()) if (c.startsWith(word)) out.add(c);
        String label = arg.paramLabel();
        if (label.contains("clip")) {
            try {
                for (String id : session.dataset().ids())
                    if (("dataset:" + id).startsWith(word)) out.add("dataset:" + id);
            } catch (IOException e) {
                // no dataset: no clip names
            }
        }
        if (label.contains("PATH") || label.contains("DIR")) out.addAll(paths(word));
    }

    /** Files and folders (with a trailing {@code /}) whose path starts with {@code word}. */
    static List<String> paths(String word) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : word.substring(0, slash + 1);
        String prefix = word.substring(slash + 1);
        Path dir = Path.of(dirPart.isEmpty() ? "." : dirPart);
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (!name.startsWith(prefix) || name.startsWith(".") && !prefix.startsWith(".")) continue;
                out.add(dirPart + name + (Files.isDirectory(p) ? "/" : ""));
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
