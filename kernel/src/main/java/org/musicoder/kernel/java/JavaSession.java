package org.musicoder.kernel.java;

import java.io.File;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import org.musicoder.kernel.CellError;

/**
 * The kernel's Java: one JShell whose snippets run in the kernel's own JVM (so objects pass both ways between cells
 * and magics), with the given class path for compiling and the given imports done at start.
 */
public final class JavaSession implements AutoCloseable {
    /** A cell's value: the object of its last expression (null when the expression's value is null). */
    public record Value(Object object) {}

    /**
     * Completions of the text at a cursor.
     *
     * @param matches what may replace the text from {@code start} to {@code end}
     * @param start   offset where the replaced text starts
     * @param end     offset where it ends (the cursor)
     */
    public record Completions(List<String> matches, int start, int end) {}

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final InProcessEngine engine;
    private final Map<String, SnippetOrigin> origins = new ConcurrentHashMap<>();
    private final List<String> baseClassPath = new ArrayList<>();
    private final List<Path> added = new CopyOnWriteArrayList<>();
    private final ExpressionValues expressionValues = new ExpressionValues();
    private final Map<String, Bound> bound = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    private JavaSession(JShell shell, InProcessEngine engine) {
        this.shell = shell;
        this.analysis = shell.sourceCodeAnalysis();
        this.engine = engine;
    }

    /**
     * Starts JShell (about a second: this is what the kernel does in the background after its sockets answer).
     *
     * @param classPath class path for compiling cells ({@link File#pathSeparator}-separated; the kernel passes its
     *                  own, so cells see the project's classes, the very ones the kernel uses)
     * @param imports   declarations run first, e.g. {@code import java.util.*;}
     * @return the session
     * @throws IllegalStateException if an import does not compile (names it)
     */
    public static JavaSession start(String classPath, List<String> imports) {
        InProcessEngine engine = new InProcessEngine();
        JShell shell = JShell.builder().executionEngine(engine, Map.of()).build();
        JavaSession s = new JavaSession(shell, engine);
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) continue;
            shell.addToClasspath(entry);
            s.baseClassPath.add(entry);
        }
        for (String imp : imports) {
            for (SnippetEvent e : shell.eval(imp))
                if (e.status() == Snippet.Status.REJECTED)
                    throw new IllegalStateException("Java session: preloaded '" + imp + "' does not compile");
        }
        return s;
    }

    /**
     * Runs a cell: its snippets in order, stopping at the first that fails.
     *
     * @param cell  the code
     * @param count the cell's execution count (error lines name it)
     * @return the value of the last snippet if it is an expression, else null
     * @throws CellError a compile error (with line and caret), an exception (class, message, cell line), or
     *                   {@code Interrupted} after {@link #stop()} (until {@link #newCell()})
     */
    public Value eval(String cell, int count) throws CellError {
        if (stopped) throw new CellError("Interrupted", "the cell was interrupted");
        Value value = null;
        for (CellSplitter.Piece piece : CellSplitter.split(analysis, cell)) {
            value = null;
            List<SnippetEvent> events = shell.eval(piece.source());
            if (stopped) throw new CellError("Interrupted", "the cell was interrupted");
            SnippetEvent main = null;
            for (SnippetEvent e : events) {
                if (e.causeSnippet() == null) main = e;
                if (e.snippet() != null && e.causeSnippet() == null)
                    origins.put(e.snippet().id(), new SnippetOrigin(count, CellSplitter.lineOf(cell, piece.start())));
            }
            if (main == null) continue;
            Snippet snippet = main.snippet();
            if (main.status() == Snippet.Status.REJECTED)
                throw JavaErrors.compile(cell, piece.start(), piece.source(), shell.diagnostics(snippet).toList());
            if (main.exception() != null) throw JavaErrors.runtime(main.exception(), origins, this::describe);
            if (main.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED || main.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                List<String> missing = shell.unresolvedDependencies((DeclarationSnippet) snippet).toList();
                if (!missing.isEmpty() && main.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)
                    throw new CellError("CompileError", "line " + CellSplitter.lineOf(cell, piece.start()) + ": "
                            + describe(snippet) + " refers to undeclared " + String.join(", ", missing));
            }
            if (isExpression(snippet)) value = new Value(engine.control().lastValue());
            if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)
                expressionValues.add(Trampoline.targetClass(), ((VarSnippet) snippet).name());
        }
        return value;
    }

    /**
     * Adds a jar (or class folder) for the cells that follow: they compile against it and load its classes. A class
     * the kernel itself has is still the kernel's (its class loader is asked first).
     *
     * @param entry the jar or folder
     */
    public void addToClassPath(Path entry) {
        Path p = entry.toAbsolutePath().normalize();
        if (added.contains(p)) return;
        shell.addToClasspath(p.toString());
        added.add(p);
    }

    /** The class path cells started with (the kernel's own), in order. */
    public List<String> baseClassPath() {
        return List.copyOf(baseClassPath);
    }

    /** What {@link #addToClassPath} added, in order. */
    public List<Path> addedClassPath() {
        return List.copyOf(added);
    }

    private static boolean isExpression(Snippet s) {
        return s.kind() == Snippet.Kind.EXPRESSION
                || s.kind() == Snippet.Kind.VAR && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private String describe(Snippet s) {
        if (s instanceof DeclarationSnippet d) return s.kind().name().toLowerCase() + " " + d.name();
        return "snippet " + s.id();
    }

    /**
     * Declares (or redeclares) a variable holding an object made outside JShell.
     *
     * @param name  the variable's name (a Java identifier)
     * @param value the object
     * @param type  its declared type, a name JShell can compile (e.g. {@code float[][]},
     *              {@code org.musicoder.masking.Masked}); null for the nearest public class of the object
     * @throws CellError if the declaration does not compile
     */
    public void bind(String name, Object value, String type) throws CellError {
        String declared = type != null ? type : publicTypeOf(value);
        Bound b = bound.get(name);
        if (b != null && b.type().equals(declared) && shell.status(b.snippet()) == Snippet.Status.VALID
                && b.set(name, value)) return;
        Bindings.put(name, value);
        String code = declared + " " + name + " = " + Bindings.class.getName() + ".take(\"" + name + "\");";
        for (SnippetEvent e : shell.eval(code)) {
            if (e.causeSnippet() != null) continue;
            if (e.status() == Snippet.Status.REJECTED) {
                Bindings.take(name);
                throw new CellError("BindError", "cannot declare " + declared + " " + name + ": "
                        + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).findFirst().orElse("rejected"));
            }
            if (e.snippet() instanceof VarSnippet v) bound.put(name, new Bound(v, Trampoline.targetClass(), declared));
        }
    }

    /**
     * A variable {@link #bind} declared: while it is the live declaration of its name with the same type, a new
     * value is set in place (each declaration is a snippet JShell keeps for the session's life, about 8 kB).
     */
    private record Bound(VarSnippet snippet, Class<?> wrapper, String type) {
        boolean set(String name, Object value) {
            return SnippetFields.set(wrapper, name, value);
        }
    }

    /** The name of the nearest public class (or interface) of {@code value} that has a canonical name. */
    static String publicTypeOf(Object value) {
        if (value == null) return "Object";
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            if (Modifier.isPublic(c.getModifiers()) && c.getCanonicalName() != null) return c.getCanonicalName();
            for (Class<?> i : c.getInterfaces())
                if (Modifier.isPublic(i.getModifiers()) && i.getCanonicalName() != null) return i.getCanonicalName();
        }
        return "Object";
    }

    /**
     * Completes Java at a cursor with JShell's source analysis (the snippet around the cursor).
     *
     * @param cell   the cell's code
     * @param cursor offset of the cursor
     * @return the completions; type-matching ones first
     */
    public Completions complete(String cell, int cursor) {
        int start = snippetStart(cell, cursor);
        String code = cell.substring(start);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(code, cursor - start, anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completions(new ArrayList<>(matches), start + anchor[0], cursor);
    }

    /**
     * Signatures and documentation of what is at the cursor, or the type of the expression before it.
     *
     * @param cell   the cell's code
     * @param cursor offset of the cursor
     * @param detail also the javadoc when the JDK's sources are there
     * @return plain text, or null when nothing is known
     */
    public String inspect(String cell, int cursor, boolean detail) {
        int start = snippetStart(cell, cursor);
        String code = cell.substring(start, Math.max(start, cursor));
        StringBuilder sb = new StringBuilder();
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, code.length(), detail);
        if (docs.isEmpty()) docs = analysis.documentation(code + "(", code.length() + 1, detail);
        for (SourceCodeAnalysis.Documentation d : docs) {
            sb.append(d.signature()).append('\n');
            if (detail && d.javadoc() != null && !d.javadoc().isBlank()) sb.append(d.javadoc().strip()).append("\n\n");
        }
        if (sb.length() == 0) {
            String type = analysis.analyzeType(code, code.length());
            if (type != null && !type.isBlank()) sb.append(code.strip()).append(" : ").append(type).append('\n');
        }
        return sb.length() == 0 ? null : sb.toString().strip();
    }

    /**
     * Whether a cell is ready to run, for consoles that wait for more lines.
     *
     * @param cell the code
     * @return {@code complete}, {@code incomplete} or {@code invalid} (a syntax error)
     */
    public String isComplete(String cell) {
        List<CellSplitter.Piece> pieces = CellSplitter.split(analysis, cell);
        for (CellSplitter.Piece p : pieces)
            if (p.complete() && analysis.sourceToSnippets(p.source()).stream().anyMatch(s -> s.kind() == Snippet.Kind.ERRONEOUS))
                return "invalid";
        if (pieces.isEmpty() || pieces.get(pieces.size() - 1).complete()) return "complete";
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pieces.get(pieces.size() - 1).source());
        return info.completeness() == SourceCodeAnalysis.Completeness.UNKNOWN ? "invalid" : "incomplete";
    }

    /** Offset in {@code cell} where the snippet holding {@code cursor} starts. */
    private int snippetStart(String cell, int cursor) {
        int start = 0;
        for (CellSplitter.Piece p : CellSplitter.split(analysis, cell.substring(0, Math.min(cursor, cell.length())))) {
            if (p.complete() && p.end() < cursor) start = p.end();
        }
        return start;
    }

    /** How many snippets JShell keeps (each cell's declarations and statements; they live as long as the session). */
    public long snippetCount() {
        return shell.snippets().count();
    }

    /** Names of the active variables (the {@code %%js} cells share them with JavaScript). */
    public List<String> variables() {
        return shell.variables().map(jdk.jshell.VarSnippet::name).toList();
    }

    /**
     * Forgets an earlier {@link #stop()}: the kernel calls this when an execute request arrives, before it
     * announces the cell, so an interrupt for this cell is never lost and one for an earlier cell never applies.
     */
    public void newCell() {
        stopped = false;
        engine.control().accept();
    }

    /**
     * Stops the running cell (its thread gets a {@link ThreadDeath}); snippets still compiling, and later ones of
     * the cell, do not start. The session stays usable: the next {@link #newCell()} clears the stop. Any thread.
     */
    public void stop() {
        stopped = true;
        engine.control().refuse();
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
    }
}
