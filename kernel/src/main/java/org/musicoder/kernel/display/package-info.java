/**
 * Jupyter MIME bundles ({@code Map<String, Object>}: mime type -> data) for the kernel's rich output, independent
 * of the Jupyter protocol code: Tablesaw tables as HTML and text, Plotly figures as plotly JSON, a static PNG drawn
 * in Java ({@link org.musicoder.kernel.display.image.FigureImage}) and offline HTML that shows the PNG until the
 * bundled plotly.js, loaded once per notebook, draws the interactive figure. Entry point:
 * {@link org.musicoder.kernel.display.Renderers}.
 */
package org.musicoder.kernel.display;
