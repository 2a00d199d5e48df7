/**
 * Experiments over the datasets: downstream data with their protocols ({@link org.musicoder.experiments.Downstream}),
 * fine-tuning and evaluation per fold ({@link org.musicoder.experiments.DownstreamRun}) and the paper's ablation
 * Tables 5 and 6 ({@link org.musicoder.experiments.Ablation}), written as CSV and Tablesaw tables.
 */
package org.musicoder.experiments;
