/**
 * The paper's two pretraining objectives (section 3.3) as pure-Java, seeded, deterministic components.
 *
 * <p>{@link org.musicoder.masking.Cfm} (contiguous frames masking) chooses spans of frames whose lengths follow
 * {@link org.musicoder.masking.SpanLength} and gives each a {@link org.musicoder.masking.SpanAction};
 * {@link org.musicoder.masking.Ccm} (contiguous channels masking) chooses one {@link org.musicoder.masking.ChannelBlock}.
 * {@link org.musicoder.masking.Masker} applies an {@link org.musicoder.masking.Objective} to a clip or a padded batch
 * and returns a {@link org.musicoder.masking.Masked} (masked input, loss mask, the drawn spans and block). Every random
 * choice comes from one {@link org.musicoder.masking.MaskRng}, whose state is a single {@code long} (checkpoint/resume).
 * Shapes are {@code [frames][dims]}, {@code dims} = 324 for the paper's features.
 */
package org.musicoder.masking;
