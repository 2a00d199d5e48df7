package org.musicoder.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.musicoder.masking.Ccm;
import org.musicoder.masking.Objective;

class PretrainOptionsTest {
    @Test
    void jsonKeepsEveryFieldIncludingTheLrScale() {
        PretrainOptions o = PretrainOptions.paper(Objective.CCM, -7).withBatch(5).withWarmup(300).withLrScale(0.125)
                .withClipNorm(2.5).withCrops(40, 90).withCcm(0.2, Ccm.Band.ALL).withPositionShift(true);
        String json = o.toJson();
        assertTrue(json.contains("\"lr_scale\":0.125"), json);
        assertEquals(o, PretrainOptions.fromJson(json));
        assertEquals(1.0, PretrainOptions.paper(Objective.CFM, 0).lrScale());
    }

    @Test
    void optionsWrittenBeforeTheLrScaleReadAsScaleOne() {
        String old = "{\"objective\":\"cfm\",\"ccm_max_fraction\":1.0,\"batch\":8,\"warmup\":500,\"clip_norm\":0.0,"
                + "\"seed\":\"1\",\"min_frames\":431,\"max_frames\":1508}";
        PretrainOptions o = PretrainOptions.fromJson(old);
        assertEquals(1.0, o.lrScale());
        assertEquals(500, o.warmup());
        // written before the band and the shift existed: CCM covered the whole frame, positions started at 0
        assertEquals(Ccm.Band.ALL, o.ccmBand());
        assertEquals(false, o.positionShift());
        assertEquals(Ccm.Band.SPECTRA, PretrainOptions.paper(Objective.CCM, 0).ccmBand());
    }

    @Test
    void rejectsANonPositiveScale() {
        PretrainOptions o = PretrainOptions.paper(Objective.CFM, 0);
        assertThrows(IllegalArgumentException.class, () -> o.withLrScale(0));
        assertThrows(IllegalArgumentException.class, () -> o.withLrScale(-1));
        assertThrows(IllegalArgumentException.class, () -> o.withLrScale(Double.NaN));
    }
}
