/**
 * The magics' views: library objects (features, masks, training logs, tag probabilities) as Tablesaw tables and
 * Plotly figures. No feature or model math: the values come from the library.
 */
package org.musicoder.kernel.view;
