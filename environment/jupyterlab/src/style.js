// The styles of the packages the page uses (their style/index.js pull in their dependencies' styles).
import '@jupyterlab/notebook/style/index.js';
import '@jupyterlab/completer/style/index.js';
import '@jupyterlab/theme-light-extension/style/theme.css';
import './page.css';
