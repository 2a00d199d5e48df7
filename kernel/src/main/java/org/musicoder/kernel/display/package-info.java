/**
 * Jupyter MIME bundles ({@code Map<String, Object>}: mime type -> data) for the kernel's rich output, independent
 * of the Jupyter protocol code: Tablesaw tables as HTML and text, Plotly figures as plotly JSON plus offline HTML
 * that loads the bundled plotly.js once per notebook. Entry point: {@link org.musicoder.kernel.display.Renderers}.
 */
package org.musicoder.kernel.display;
