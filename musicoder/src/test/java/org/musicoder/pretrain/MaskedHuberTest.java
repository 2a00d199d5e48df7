package org.musicoder.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.musicoder.model.Engines;
import org.musicoder.testutil.Collector;

class MaskedHuberTest {
    @Test
    void averagesHuberOverMaskedCellsOnly() {
        var engine = Engines.pytorch(1);
        try (NDManager m = NDManager.newBaseManager(Engines.PYTORCH)) {
            NDArray pred = m.create(new float[] {0.5f, 3f, -2f, 100f}).reshape(1, 2, 2);
            NDArray target = m.create(new float[] {0f, 0f, 0.5f}); // the masked cells' targets
            NDArray cells = m.create(new long[] {0, 1, 2}); // the first three of the four cells
            pred.setRequiresGradient(true);
            NDArray loss;
            try (GradientCollector gc = engine.newGradientCollector()) {
                loss = MaskedHuber.loss(pred, cells, target);
                gc.backward(loss);
            }
            // cells: |0.5| -> 0.125; |3| -> 2.5; |-2.5| -> 2.0; the unmasked 100 is ignored
            assertEquals((0.125 + 2.5 + 2.0) / 3, loss.getFloat(), 1e-6);
            // d/dx: x - t inside delta, sign outside, over 3 cells; 0 for the unmasked cell
            assertArrayEquals(new float[] {0.5f / 3, 1f / 3, -1f / 3, 0f}, pred.getGradient().toFloatArray(), 1e-6f);
        }
    }

    /**
     * The same loss and gradient with a garbage collection between the forward and the backward pass: nothing the
     * backward pass reads may live in memory that a closed array handed back to the JDK (DJL's {@code div(Number)}
     * and friends did, and this gradient came out ~1e26 times too large).
     */
    @Test
    void gradientIsRightWhenTheCollectorRunsBeforeBackward() throws InterruptedException {
        var engine = Engines.pytorch(1);
        try (NDManager m = NDManager.newBaseManager(Engines.PYTORCH)) {
            NDArray pred = m.create(new float[] {0.5f, 3f, -2f, 100f}).reshape(1, 2, 2);
            NDArray target = m.create(new float[] {0f, 0f, 0.5f});
            NDArray cells = m.create(new long[] {0, 1, 2}); // the first three of the four cells
            pred.setRequiresGradient(true);
            NDArray loss;
            try (GradientCollector gc = engine.newGradientCollector()) {
                loss = MaskedHuber.loss(pred, cells, target);
                Collector.collectAndFreeDirectBuffers();
                gc.backward(loss);
            }
            assertEquals((0.125 + 2.5 + 2.0) / 3, loss.getFloat(), 1e-6);
            assertArrayEquals(new float[] {0.5f / 3, 1f / 3, -1f / 3, 0f}, pred.getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void noMaskedCellsGiveZeroLossAndGradient() {
        var engine = Engines.pytorch(1);
        try (NDManager m = NDManager.newBaseManager(Engines.PYTORCH)) {
            NDArray pred = m.create(new float[] {1f, 2f}).reshape(1, 1, 2);
            pred.setRequiresGradient(true);
            NDArray loss;
            try (GradientCollector gc = engine.newGradientCollector()) {
                loss = MaskedHuber.loss(pred, m.create(new long[0]), m.create(new float[0]));
                gc.backward(loss);
            }
            assertEquals(0f, loss.getFloat());
            assertArrayEquals(new float[] {0f, 0f}, pred.getGradient().toFloatArray());
        }
    }
}
