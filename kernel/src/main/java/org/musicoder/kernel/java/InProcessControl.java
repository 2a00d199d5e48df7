package org.musicoder.kernel.java;

import java.lang.reflect.Method;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's local execution (snippets run in the kernel's own JVM, in a thread that {@code JShell.stop()} can stop)
 * that also keeps each snippet's value as an object, so a cell whose value is a Table or a Figure can be rendered.
 */
final class InProcessControl extends LocalExecutionControl {
    private static final Method RUN;
    /** The thread group JShell 17 makes for each snippet run and never destroys (its parent keeps them all). */
    static final String EXEC_GROUP = "JShell process local execution";

    static {
        try {
            RUN = Trampoline.class.getMethod("run");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile Object lastValue;
    private volatile boolean refusing;

    /**
     * Refuses to start snippets until {@link #accept()}: a stop that arrives while JShell still compiles the cell
     * (when {@code JShell.stop()} has nothing to stop) stops the snippet before it starts.
     */
    void refuse() {
        refusing = true;
    }

    /** Starts snippets again (at the start of a cell). */
    void accept() {
        refusing = false;
    }

    @Override
    protected String invoke(Method snippet) throws Exception {
        lastValue = null;
        if (refusing) throw new StoppedException();
        Trampoline.aim(snippet);
        try {
            super.invoke(RUN);
        } finally {
            destroyFinishedGroups();
        }
        lastValue = Trampoline.value();
        // JShell's own string form is not shown (the kernel renders the object): skip calling toString() on it,
        // which can be slow (a big matrix) or throw
        return lastValue == null ? "null" : lastValue.getClass().getName();
    }

    @SuppressWarnings("removal")
    private static void destroyFinishedGroups() {
        ThreadGroup parent = Thread.currentThread().getThreadGroup();
        ThreadGroup[] groups = new ThreadGroup[parent.activeGroupCount() + 1];
        int n = parent.enumerate(groups, false);
        for (int i = 0; i < n; i++)
            if (EXEC_GROUP.equals(groups[i].getName()) && groups[i].activeCount() == 0 && !groups[i].isDestroyed())
                groups[i].destroy();
    }

    /** The value of the last snippet run (null for none, a statement, or a null value). */
    Object lastValue() {
        return lastValue;
    }
}
