// A JupyterLab MIME renderer for application/vnd.plotly.v1+json (the figure JSON of the kernel's figure bundles),
// drawn with plotly.js-dist-min, the version the kernel ships. Safe: it runs no code from the output.
import Plotly from 'plotly.js-dist-min';
import { Widget } from '@lumino/widgets';

export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

class PlotlyRenderer extends Widget {
  constructor(options) {
    super();
    this.addClass('musicoder-PlotlyRenderer');
    this._mimeType = options.mimeType;
    this._figure = null;
  }

  // Plotly sizes the figure from its node, so it is drawn once the node is in the page.
  renderModel(model) {
    this._figure = model.data[this._mimeType];
    return this.isAttached ? this._draw() : Promise.resolve();
  }

  onAfterAttach() {
    if (this._figure) void this._draw();
  }

  onResize() {
    if (this.node.querySelector('.main-svg')) Plotly.Plots.resize(this.node);
  }

  _draw() {
    const { data = [], layout = {}, config = {} } = this._figure;
    return Plotly.react(this.node, data, layout, { responsive: true, ...config });
  }
}

export const plotlyRendererFactory = {
  safe: true,
  mimeTypes: [PLOTLY_MIME],
  // Before text/html (rank 50), so figures are drawn here rather than by their HTML fallback's script.
  defaultRank: 40,
  createRenderer: options => new PlotlyRenderer(options)
};
