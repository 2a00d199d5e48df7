package org.musicoder.kernel.connect;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that survives bad messages. jjava-jupyter 1.0-a6's {@code ShellChannel} reads each
 * message inside its polling thread and throws a {@code SecurityException} on a wrong HMAC signature (or a parse
 * error on a malformed message); nothing catches it, so the thread ends and the kernel never answers on that socket
 * again. This channel polls in its own thread, drops such a message with one warning on stderr (the frames are
 * already consumed, so the socket stays in step) and goes on serving.
 */
final class GuardedShellChannel extends ShellChannel {
    private static final Logger LOG = Logger.getLogger(GuardedShellChannel.class.getName());
    private static final int POLL_MS = 50;

    private final JupyterConnection connection;
    private final String name;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param context    the connection's ZeroMQ context
     * @param hmac       checks every incoming signature and signs replies
     * @param isControl  the control channel (else the shell channel)
     * @param connection where the handlers are registered
     */
    GuardedShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean isControl, JupyterConnection connection) {
        super(context, hmac, isControl, connection);
        this.connection = connection;
        this.name = isControl ? "control" : "shell";
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        if (thread != null) throw new IllegalStateException(name + " channel already bound");
        int port = name.equals("control") ? props.getControlPort() : props.getShellPort();
        super.bind(props.getTransport() + "://" + props.getIp() + ":" + port);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        thread = new Thread(() -> serve(poller), "jupyter-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void serve(ZMQ.Poller poller) {
        while (running) {
            int events;
            try {
                events = poller.poll(POLL_MS);
            } catch (RuntimeException e) {
                if (!running) return;
                LOG.log(Level.WARNING, name + " channel: poll failed: " + e);
                continue;
            }
            if (events > 0 && poller.pollin(0)) handleOne();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handleOne() {
        Message<?> message;
        try {
            message = readMessage();
        } catch (RuntimeException e) {
            // wrong signature (SecurityException) or a malformed message: drop it, keep serving
            LOG.warning(name + " channel: message dropped: " + e.getMessage());
            return;
        }
        if (message == null) return;
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.warning(name + " channel: no handler for " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + " channel: " + message.getHeader().getType().getName() + " failed", e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            running = false;
            connection.close();
        }
    }

    @Override
    public void close() {
        running = false;
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) return;
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
