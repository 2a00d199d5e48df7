package org.musicoder.kernel.js;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * An output stream that writes to whatever stream a supplier gives at the moment of writing, so that
 * {@code console.log} of a context created once follows the kernel's per-cell stdout and stderr.
 */
final class StreamRelay extends OutputStream {
    private final Supplier<? extends OutputStream> target;

    /** @param target gives the stream to write to now */
    StreamRelay(Supplier<? extends OutputStream> target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        target.get().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.get().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.get().flush();
    }
}
