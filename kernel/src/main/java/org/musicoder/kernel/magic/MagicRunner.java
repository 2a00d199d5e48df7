package org.musicoder.kernel.magic;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.musicoder.kernel.CellError;
import org.musicoder.kernel.CellOutput;
import org.musicoder.kernel.Display;
import org.musicoder.kernel.java.JavaSession;
import picocli.CommandLine;

/**
 * Runs one magic call: parses its words with picocli (answering {@code --help}), then runs it on a worker thread
 * so that an interrupt returns within a second even from library code that does not look at the flag (that work
 * then ends in the background, its outputs dropped; the next cell waits for it, so no cell ever runs beside a
 * magic). Errors become one-line {@link CellError}s.
 */
public final class MagicRunner {
    private static final long GRACE_MS = 800;

    private final MagicRegistry registry;
    private final Session session;
    private final Display display;
    private final Supplier<JavaSession> java;
    private final PrintStream log;
    private final ExecutorService worker = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "magic");
        t.setDaemon(true);
        return t;
    });
    private volatile MagicContext running;
    private volatile Future<?> abandoned;
    private volatile String abandonedCall;

    /**
     * @param registry the magics
     * @param session  state across cells
     * @param display  shows objects
     * @param java     the Java session (waits for it)
     * @param log      the kernel's own stderr (stack traces of unexpected failures go there, not to the notebook)
     */
    public MagicRunner(MagicRegistry registry, Session session, Display display,
                       Supplier<JavaSession> java, PrintStream log) {
        this.registry = registry;
        this.session = session;
        this.display = display;
        this.java = java;
        this.log = log;
    }

    /**
     * Runs {@code %name args} or {@code %%name args} with a body.
     *
     * @param name   the magic's name
     * @param cell   whether it was called as a cell magic
     * @param args   the rest of its line
     * @param body   the cell after the first line (cell magics), else ""
     * @param output the cell's outputs
     * @param count  the cell's execution count
     * @return the value the magic gave the cell ({@link MagicContext#result(Object)}), or null
     * @throws CellError one line: unknown magic, bad arguments, the magic's failure, or an interrupt
     */
    public Object run(String name, boolean cell, String args, String body, CellOutput output, int count) throws CellError {
        String call = (cell ? "%%" : "%") + name;
        MagicRegistry.Entry entry = registry.get(name);
        if (entry == null) throw new CellError("UnknownMagic", call + ": no such magic (%lsmagic lists them)");
        Magic magic = entry.create();
        if (magic.isCell() != cell)
            throw new CellError("MagicError", call + ": " + name + " is a " + (magic.isCell() ? "cell magic: use %%" : "line magic: use %") + name);
        CommandLine cl = entry.commandLine(magic);
        List<String> words;
        try {
            words = Tokens.split(args).stream().map(Tokens.Token::text).toList();
            cl.parseArgs(words.toArray(String[]::new));
        } catch (MagicException e) {
            throw new CellError("MagicError", call + ": " + e.getMessage());
        } catch (CommandLine.ParameterException e) {
            throw new CellError("MagicError", call + ": " + firstLine(e.getMessage()) + " (" + call + " --help shows the usage)");
        }
        if (cl.isUsageHelpRequested()) {
            output.out().print(cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
            return null;
        }
        MagicContext ctx = new MagicContext(output, display, java, session, body, count);
        running = ctx;
        Future<?> task = null;
        try {
            task = worker.submit(() -> {
                Thread.interrupted(); // a late interrupt meant for the thread's previous magic
                ctx.runsOn(Thread.currentThread());
                try {
                    magic.run(ctx);
                } finally {
                    ctx.runsOn(null);
                    Thread.interrupted();
                }
                return null;
            });
            await(call, task, magic, ctx);
            return ctx.result();
        } finally {
            running = null;
            ctx.close();
            if (task != null && !task.isDone()) {
                abandoned = task;
                abandonedCall = call;
            }
        }
    }

    private void await(String call, Future<?> task, Magic magic, MagicContext ctx) throws CellError {
        long deadline = Long.MAX_VALUE;
        while (true) {
            try {
                task.get(50, TimeUnit.MILLISECONDS);
                if (ctx.cancelled()) throw interrupted(call, null);
                return;
            } catch (TimeoutException e) {
                if (ctx.cancelled() && deadline == Long.MAX_VALUE) deadline = System.nanoTime() + GRACE_MS * 1_000_000;
                if (System.nanoTime() > deadline) throw interrupted(call, magic.afterInterrupt());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(call, magic.afterInterrupt());
            } catch (ExecutionException e) {
                throw failure(call, e.getCause(), ctx);
            }
        }
    }

    private static CellError interrupted(String call, String note) {
        return new CellError("Interrupted", call + ": interrupted" + (note == null ? "" : "; " + note));
    }

    /**
     * Waits until a magic left running by an interrupt has ended (before the next cell runs).
     *
     * @param output where to say that it waits
     */
    public void settle(CellOutput output) {
        Future<?> f = abandoned;
        if (f == null) return;
        if (!f.isDone()) output.err().println("waiting for the interrupted " + abandonedCall + " to end its running work ...");
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // its failure was the interrupted cell's business
        }
        abandoned = null;
    }

    private CellError failure(String call, Throwable t, MagicContext ctx) {
        if (t instanceof CellError c) return c;
        if (t instanceof MagicException) return new CellError(ctx.cancelled() ? "Interrupted" : "MagicError", call + ": " + t.getMessage());
        if (ctx.cancelled()) return interrupted(call, null);
        t.printStackTrace(log);
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : firstLine(t.getMessage());
        return new CellError("MagicError", call + ": " + msg);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /**
     * The usage of the magic called on a line (for inspect).
     *
     * @param line a line starting with {@code %} or {@code %%}
     * @return its usage text, or null for an unknown magic
     */
    public String usage(String line) {
        String s = line.replaceFirst("^%%?", "");
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) i++;
        MagicRegistry.Entry e = registry.get(s.substring(0, i));
        return e == null ? null : e.commandLine(e.create()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /**
     * Interrupts the running magic, if any (from the control thread).
     *
     * @return whether a magic was running
     */
    public boolean interrupt() {
        MagicContext ctx = running;
        if (ctx != null) ctx.cancel();
        return ctx != null;
    }

    /**
     * Completes in the body of a cell magic.
     *
     * @param name   the cell magic's name
     * @param body   the body
     * @param cursor cursor offset in the body
     * @return completions with offsets in the body, or null when the magic has none
     */
    public JavaSession.Completions completeBody(String name, String body, int cursor) {
        MagicRegistry.Entry e = registry.get(name);
        return e == null ? null : e.create().completeBody(body, cursor, session, java);
    }
}
