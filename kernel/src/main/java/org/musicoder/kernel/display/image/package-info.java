/**
 * Static images of Plotly figures, drawn in Java2D from the figure's JSON ({@code PlotlyJson}): heatmap, scatter
 * (lines, markers, filled shapes) and bar traces on cartesian axes, with the figure's title, axis titles, ticks,
 * colour scale, colour bar, legend and annotations; other trace types get a placeholder text naming them. Entry
 * point: {@link org.musicoder.kernel.display.image.FigureImage}. No browser: headless AWT only.
 */
package org.musicoder.kernel.display.image;
