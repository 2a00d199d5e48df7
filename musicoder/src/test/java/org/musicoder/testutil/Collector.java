package org.musicoder.testutil;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;

/**
 * Runs the garbage collector so that direct buffers nobody references any more are freed: the JDK frees them
 * (malloc's {@code free}) when the reference handler processes the collection's references. Used between a
 * forward and a backward pass to show that the backward pass reads no memory a closed array gave back.
 */
public final class Collector {
    private Collector() {}

    /**
     * Collects garbage three times, each time waiting until the collection's references were handed to the
     * reference handler (a phantom-reachable marker is enqueued), then a little longer for it to finish.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public static void collectAndFreeDirectBuffers() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            ReferenceQueue<Object> queue = new ReferenceQueue<>();
            PhantomReference<Object> marker = new PhantomReference<>(new Object(), queue);
            System.gc();
            if (queue.remove(10_000) != marker) throw new IllegalStateException("the garbage collector did not run within 10 s");
            Thread.sleep(50);
        }
    }
}
