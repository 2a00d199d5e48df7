package org.musicoder.kernel;

import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

/** The kernel's stdout, stderr, stdin and display streams, attached to the running request's environment. */
final class KernelIO extends JupyterIO {
    KernelIO() {
        super(StandardCharsets.UTF_8);
    }

    /** Sends stream output to {@code env} (the running execute request). */
    void attach(ShellReplyEnvironment env, boolean stdinAllowed) {
        setEnv(env);
        setJupyterInEnabled(stdinAllowed);
    }

    /** Detaches from {@code env} (later output goes nowhere until the next attach). */
    void detach(ShellReplyEnvironment env) {
        retractEnv(env);
    }
}
