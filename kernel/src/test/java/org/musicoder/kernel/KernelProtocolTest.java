package org.musicoder.kernel;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through Jupyter's own client ({@code src/test/python/protocol.py}): messages signed with a wrong key are
 * ignored and the kernel keeps answering; the sockets listen on the connection file's address only; an interrupt
 * stops a Java infinite loop (also inside {@code %%time}) and a running {@code %pretrain} (which keeps its model)
 * and the next cell answers; a restart gives a fresh session.
 */
class KernelProtocolTest {
    @Test
    void forgedMessagesAddressesAndInterrupts(@TempDir Path tmp) throws Exception {
        new Jupyter(tmp).unittest("protocol", 6);
    }
}
