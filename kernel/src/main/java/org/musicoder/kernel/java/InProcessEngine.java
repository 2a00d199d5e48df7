package org.musicoder.kernel.java;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Gives JShell an {@link InProcessControl} and remembers it, so the session can read snippet values. */
final class InProcessEngine implements ExecutionControlProvider {
    private volatile InProcessControl control;

    @Override
    public String name() {
        return "musicoder-in-process";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new InProcessControl();
        return control;
    }

    /** The control JShell is using (null before JShell started). */
    InProcessControl control() {
        return control;
    }
}
