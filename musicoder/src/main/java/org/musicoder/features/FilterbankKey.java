package org.musicoder.features;

/**
 * Cache key of a filterbank: what its weights depend on.
 *
 * @param sampleRate Hz
 * @param nFft       FFT size (the bank has {@code 1 + nFft/2} bins)
 * @param bands      mel bands or chroma bins
 */
record FilterbankKey(int sampleRate, int nFft, int bands) {}
