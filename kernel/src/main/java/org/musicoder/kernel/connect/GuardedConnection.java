package org.musicoder.kernel.connect;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * The kernel's five sockets, bound to the connection file's transport, address and ports, with shell and control
 * served by {@link GuardedShellChannel}s: a message with a wrong HMAC-SHA256 signature is dropped and the kernel
 * keeps answering. (The unguarded shell and control sockets that {@link JupyterConnection} creates are never bound; the guarded
 * ones live in a ZeroMQ context of their own.)
 */
public final class GuardedConnection extends JupyterConnection {
    private final KernelConnectionProperties props;
    private final GuardedShellChannel guardedShell;
    private final GuardedShellChannel guardedControl;
    private final ZMQ.Context guardedContext = ZMQ.context(1);
    private boolean connected;

    /**
     * @param props the parsed connection file
     * @throws InvalidKeyException      if the key does not fit the signature scheme
     * @throws NoSuchAlgorithmException if the scheme (e.g. {@code hmac-sha256}) is unknown to the JDK
     */
    public GuardedConnection(KernelConnectionProperties props) throws InvalidKeyException, NoSuchAlgorithmException {
        super(props);
        this.props = props;
        guardedShell = new GuardedShellChannel(guardedContext, props.createHMACGenerator(), false, this);
        guardedControl = new GuardedShellChannel(guardedContext, props.createHMACGenerator(), true, this);
    }

    /** Binds heartbeat, shell, control, stdin and iopub, then publishes {@code starting}. */
    @Override
    public synchronized void connect() {
        if (connected) return;
        heartbeat.bind(props);
        guardedShell.bind(props);
        guardedControl.bind(props);
        stdin.bind(props);
        iopub.bind(props);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    @Override
    public void close() {
        guardedShell.close();
        guardedControl.close();
        guardedContext.close();
        super.close();
    }

    @Override
    public void waitUntilClose() {
        guardedShell.waitUntilClose();
        guardedControl.waitUntilClose();
        super.waitUntilClose();
    }
}
