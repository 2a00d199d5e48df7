// Bundles the page (src/index.js with the packages' styles) into build/page.js and build/page.css with esbuild.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// JupyterLab's icons are imported by its JS as SVG text, and referenced by its CSS as url(): data URLs there.
const svgInCss = {
  name: 'svg-in-css',
  setup(b) {
    b.onResolve({ filter: /\.svg(\?.*)?$/ }, args => args.kind !== 'url-token' ? undefined :
      { path: join(args.resolveDir, args.path.replace(/\?.*$/, '')), namespace: 'svg-url' });
    b.onLoad({ filter: /.*/, namespace: 'svg-url' }, async args =>
      ({ contents: await readFile(args.path), loader: 'dataurl' }));
  }
};

await build({
  entryPoints: { page: join(here, 'src/index.js') },
  outdir: join(here, 'build'),
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  logLevel: 'warning',
  // Some packages read process.env or process.cwd(), as the webpack builds of JupyterLab also provide.
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  inject: [join(here, 'src/process-shim.js')],
  plugins: [svgInCss],
  loader: {
    '.svg': 'text', '.md': 'text', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl',
    '.png': 'dataurl', '.gif': 'dataurl'
  }
});
