package org.musicoder.kernel.magic;

import org.musicoder.masking.Masked;
import org.musicoder.masking.Objective;

/**
 * A clip's features with one draw of the masks, as {@code %mask} binds them ({@code masked}).
 *
 * @param name      the clip's name
 * @param objective the masking drawn
 * @param seed      the seed of the draw
 * @param original  the CMVN features before masking, {@code [frames][324]}
 * @param masked    the draw: masked input, loss mask, CFM spans, CCM block
 */
public record MaskedClip(String name, Objective objective, long seed, float[][] original, Masked masked) {
    @Override
    public String toString() {
        return name + " masked with " + objective + " (seed " + seed + "): " + masked.spans().size() + " spans, "
                + masked.lossCells() + " cells in the loss";
    }
}
