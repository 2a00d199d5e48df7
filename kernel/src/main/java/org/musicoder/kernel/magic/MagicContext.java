package org.musicoder.kernel.magic;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.musicoder.kernel.CellError;
import org.musicoder.kernel.CellOutput;
import org.musicoder.kernel.Display;
import org.musicoder.kernel.LiveDisplay;
import org.musicoder.kernel.java.JavaSession;

/** What a running magic sees: the cell's outputs, the session's state and Java, its body, whether it was interrupted. */
public final class MagicContext {
    private final CellOutput output;
    private final Display display;
    private final Supplier<JavaSession> java;
    private final Session session;
    private final String body;
    private final int count;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private volatile Thread thread;
    private Object result;
    private boolean closed;

    /**
     * @param output   the cell's outputs
     * @param display  shows objects as a cell's value would be shown
     * @param java     the Java session (waits for it to start)
     * @param session  state kept across cells
     * @param body     a cell magic's body (the cell after its first line); "" for a line magic
     * @param count    the cell's execution count
     */
    public MagicContext(CellOutput output, Display display, Supplier<JavaSession> java,
                        Session session, String body, int count) {
        this.output = output;
        this.display = display;
        this.java = java;
        this.session = session;
        this.body = body;
        this.count = count;
    }

    /** The cell's execution count (Java errors name it). */
    public int count() {
        return count;
    }

    /**
     * Runs {@code action} when the cell is interrupted (from the control thread), e.g. to stop an engine the magic
     * drives ({@code JavaSession::stop}).
     *
     * @param action what stops the magic's work
     */
    public void onCancel(Runnable action) {
        onCancel.add(action);
        if (cancelled) action.run();
    }

    /** The cell's stdout. */
    public PrintStream out() {
        return output.out();
    }

    /** The cell's outputs (displays, updates, clearing). */
    public CellOutput output() {
        return output;
    }

    /** Shows an object rendered like a cell's value (a Table, a Figure, a MIME bundle, ...). */
    public void display(Object value) {
        output.display(display.render(value));
    }

    /** Shows an object that {@link LiveDisplay#update} replaces later (progress, a growing curve). */
    public LiveDisplay live(Object value) {
        return LiveDisplay.show(output, display, value);
    }

    /**
     * Declares a Java variable holding {@code value} in the session, for the next cells.
     *
     * @param name  the variable's name
     * @param value the object
     * @param type  its declared type (a compilable name), or null for the object's public class
     * @throws CellError if the declaration does not compile
     */
    public synchronized void bind(String name, Object value, String type) throws CellError {
        if (closed) return;
        java.get().bind(name, value, type);
    }

    /** The Java session. */
    public JavaSession java() {
        return java.get();
    }

    /** State kept across cells (dataset, cache, trained model). */
    public Session session() {
        return session;
    }

    /** A cell magic's body. */
    public String body() {
        return body;
    }

    /** Whether the user interrupted the cell; long magics check it between units of work. */
    public boolean cancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /**
     * Makes {@code value} the cell's value, shown as a Java cell's last expression is ({@code execute_result}).
     *
     * @param value the value, or null for none
     */
    public synchronized void result(Object value) {
        if (!closed) result = value;
    }

    /** The value {@link #result(Object)} set, or null. */
    synchronized Object result() {
        return result;
    }

    /** Marks the magic interrupted and interrupts its thread (blocking calls end). */
    void cancel() {
        cancelled = true;
        Thread t = thread;
        if (t != null) t.interrupt();
        onCancel.forEach(Runnable::run);
    }

    /** Records the thread the magic runs on. */
    void runsOn(Thread t) {
        thread = t;
    }

    /** Called when the cell ends without waiting for the magic: its later bindings are dropped. */
    synchronized void close() {
        closed = true;
    }
}
