package org.musicoder.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.musicoder.kernel.connect.GuardedConnection;

/**
 * What Jupyter starts ({@code java -cp ... org.musicoder.kernel.KernelMain CONNECTION_FILE}): binds the sockets of
 * the connection file, answers at once, starts JShell in the background, and exits after a shutdown request.
 */
public final class KernelMain {
    private KernelMain() {}

    /**
     * @param args the connection file written by Jupyter, or {@code --warm-up} (see {@link WarmUp})
     * @throws Exception if the connection file cannot be read or the sockets cannot be bound
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp CLASSPATH " + KernelMain.class.getName() + " CONNECTION_FILE|--warm-up");
            System.exit(2);
        }
        if (args[0].equals("--warm-up")) {
            WarmUp.run();
            System.exit(0);
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        GuardedConnection connection = new GuardedConnection(props);
        MusiCoderKernel kernel = new MusiCoderKernel(System.getProperty("java.class.path"));
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.onStartup();
        connection.waitUntilClose();
        System.exit(0);
    }
}
