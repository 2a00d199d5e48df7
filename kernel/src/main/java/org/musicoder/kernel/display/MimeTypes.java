package org.musicoder.kernel.display;

/** The MIME types of the bundles this package makes. */
public final class MimeTypes {
    /** Plain text, always present. */
    public static final String TEXT = "text/plain";
    /** HTML: tables, and figures for the classic Notebook and nbconvert. */
    public static final String HTML = "text/html";
    /** A figure's static image (base64 in the bundle), for front ends without a Plotly renderer or JavaScript. */
    public static final String PNG = "image/png";
    /** Plotly's JSON figure, drawn by JupyterLab's and VS Code's Plotly renderers. */
    public static final String PLOTLY = "application/vnd.plotly.v1+json";

    private MimeTypes() {}
}
