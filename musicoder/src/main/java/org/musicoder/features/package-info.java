/**
 * Frame features of the MusiCoder recipe, numerically matching librosa 1.0 ({@code feature/spectral.py}).
 *
 * <p>{@link org.musicoder.features.FeatureExtractor} computes one power {@link org.musicoder.features.Stft} per clip
 * and derives from it {@link org.musicoder.features.Chroma}, the {@link org.musicoder.features.MelFilterbank} mel
 * power, {@link org.musicoder.features.Mfcc} (and its {@link org.musicoder.features.Delta}) and
 * {@link org.musicoder.features.LogMel}; the log-CQT comes from {@link org.musicoder.features.Cqt}.
 * {@link org.musicoder.features.Features} concatenates the blocks ({@code frames x 324}) and applies
 * {@link org.musicoder.features.Cmvn}. Every parameter is pinned by {@link org.musicoder.features.FeatureConfig}.
 */
package org.musicoder.features;
