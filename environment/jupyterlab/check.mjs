// Drives the notebook page (src/) in Debian's Chromium with playwright-core; environment/jupyterlab-check.sh runs it.
//   node check.mjs --root DIR --notebook NAME --out OUTDIR [--reopen-untrusted] [--expect-static]
//                  [--min-figures N] [--min-tables N] [--run-timeout SECONDS] [--server-arg ARG ...]
// It starts musicoder_lab.py (jupyter_server) on a free loopback port with root DIR, opens NAME (a notebook in DIR;
// the environment's JUPYTER_PATH must find the musicoder kernelspec) and checks, as a user would see it:
//   - the musicoder kernel starts; its kernel_info's language_info makes the editors Java (keywords highlighted);
//   - "Run all cells" from the toolbar runs every cell: no error output, every HTML table drawn as a <table>,
//     every figure (application/vnd.plotly.v1+json) drawn by plotly.js through its text/html (Plotly's SVG);
//   - Tab after System.out.printl pops up the completer with println; the toolbar's interrupt button stops
//     a `while (true)` loop and the kernel answers the next cell;
//   - the notebook, saved and reopened in a page with the project's Plotly MIME renderer, draws every figure
//     through that renderer;
//   - with --reopen-untrusted, reopened by a new server (so untrusted), how many figures show a static <img>
//     (figures_static; a failure only with --expect-static).
// Writes OUTDIR/report.json, OUTDIR/screenshot.png (the page after the run, full height),
// OUTDIR/screenshot-mime.png, OUTDIR/server.log and OUTDIR/console.log. Exit code 0 when every check passed.
import { spawn } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const PLOTLY = 'application/vnd.plotly.v1+json';

function parseArgs(argv) {
  const o = { reopenUntrusted: false, expectStatic: false, minFigures: 0, minTables: 0, runTimeout: 1800,
    serverArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const count = () => {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`${a} takes a whole number, not '${v}'`);
      return Number(v);
    };
    if (a === '--root') o.root = value();
    else if (a === '--notebook') o.notebook = value();
    else if (a === '--out') o.out = value();
    else if (a === '--reopen-untrusted') o.reopenUntrusted = true;
    else if (a === '--expect-static') o.expectStatic = o.reopenUntrusted = true;
    else if (a === '--min-figures') o.minFigures = count();
    else if (a === '--min-tables') o.minTables = count();
    else if (a === '--run-timeout') o.runTimeout = count();
    else if (a === '--server-arg') o.serverArgs.push(value());
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of ['root', 'notebook', 'out']) if (!o[k]) throw new Error(`--${k} is required`);
  return o;
}

const opts = (() => {
  try {
    return parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`jupyterlab-check: ${e.message}`);
    process.exit(2);
  }
})();

const log = createWriteStream(join(opts.out, 'console.log'));
const problems = [];
const report = { cells: 0, errors: 0, figures: 0, figures_drawn: 0, tables: 0 };
const say = msg => console.error(`jupyterlab-check: ${msg}`);

// The checks, in order; each passes when it was reached and nothing failed in it.
const CHECKS = ['kernel', 'java-editor', 'run-all', 'tables', 'figures-html', 'completer', 'interrupt',
  'java-highlight', 'figures-mime', 'page'];
if (opts.reopenUntrusted) CHECKS.push('untrusted');
if (opts.expectStatic) CHECKS.push('figures-static');
const reached = new Set();
const failed = new Set();
let current = 'page';
const step = name => { current = name; reached.add(name); };
const repeats = new Map();
const fail = (name, msg) => {
  reached.add(name);
  failed.add(name);
  const line = `${name}: ${msg}`;
  repeats.set(line, (repeats.get(line) ?? 0) + 1);
  if (repeats.get(line) === 1) problems.push(line);
};

/** Fails the check with a message naming what did not happen. */
class CheckFailed extends Error {}

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts musicoder_lab.py; resolves once /api/status answers. A new server has no notebook signatures. */
async function startServer(serverLog) {
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const args = [join(here, 'musicoder_lab.py'), '--no-browser', '--allow-root', `--port=${port}`,
    '--ServerApp.port_retries=0', '--ServerApp.ip=127.0.0.1', `--ServerApp.token=${token}`,
    `--ServerApp.root_dir=${opts.root}`, '--NotebookNotary.db_file=:memory:', ...opts.serverArgs];
  const proc = spawn('/usr/bin/python3', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout.pipe(serverLog, { end: false });
  proc.stderr.pipe(serverLog, { end: false });
  let exited = null;
  proc.on('exit', code => { exited = code; });
  // A server that exits on its own ends every wait at once (stopServer sets stopping first).
  const server = { proc, stopping: false };
  server.gone = new Promise((_, reject) => proc.on('exit', code => {
    if (!server.stopping) reject(new CheckFailed(`jupyter_server exited with code ${code} (see server.log)`));
  }));
  server.gone.catch(() => {});
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new CheckFailed(`jupyter_server exited with code ${exited} at start (see server.log)`);
    try {
      const r = await fetch(`${base}/api/status`, { headers: { Authorization: `token ${token}` } });
      if (r.ok) return Object.assign(server, { base, token });
    } catch { /* not listening yet */ }
    await new Promise(r => setTimeout(r, 250));
  }
  proc.kill();
  throw new CheckFailed(`jupyter_server did not answer on port ${port} within 60 s (see server.log)`);
}

let liveServer = null;

async function stopServer(server) {
  if (!server || server.proc.exitCode !== null) return;
  server.stopping = true;
  const gone = new Promise(r => server.proc.once('exit', r));
  server.proc.kill('SIGTERM');
  const t = setTimeout(() => server.proc.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(t);
}

/** A page on the server; HTTP errors, uncaught exceptions and console errors become problems. */
async function openPage(browser, server, query, name) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', m => {
    log.write(`[${name}] ${m.type()}: ${m.text()}\n`);
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) {
      fail('page', `${name}: console error: ${m.text().slice(0, 300)}`);
    }
  });
  page.on('pageerror', e => fail('page', `${name}: uncaught exception: ${e.message}`));
  page.on('response', r => {
    if (r.status() >= 400) fail('page', `${name}: HTTP ${r.status()} for ${new URL(r.url()).pathname}`);
  });
  const url = `${server.base}/lab-check?path=${encodeURIComponent(opts.notebook)}&${query}&token=${server.token}`;
  await page.goto(url);
  await waitFor(page, 'the notebook page to load (body[data-lab])', 90, () => document.body.dataset.lab);
  const state = await page.evaluate(() => [document.body.dataset.lab, document.body.dataset.labError]);
  if (state[0] !== 'ready') throw new CheckFailed(`${name}: the notebook page failed to start: ${state[1]}`);
  return page;
}

/** Waits until fn (run in the page) is truthy; the message says what did not happen and what the page showed. */
async function waitFor(page, what, seconds, fn, arg, describe) {
  try {
    return await Promise.race([page.waitForFunction(fn, arg, { timeout: seconds * 1000, polling: 500 }),
      liveServer?.gone ?? new Promise(() => {})]);
  } catch (e) {
    if (!/Timeout/.test(e.message)) throw e;
    const detail = describe ? `; ${await page.evaluate(describe, arg).catch(() => '?')}` : '';
    throw new CheckFailed(`timed out after ${seconds} s waiting for ${what}${detail}`);
  }
}

/** Code cells with a short label, and the figures/tables/errors in their outputs as the page draws them. */
function inspectOutputs(plotlyMime) {
  const lab = window.musicoderLab;
  const out = { cells: 0, codeCells: 0, errors: [], figures: [], tables: [] };
  lab.panel.content.widgets.forEach((cell, i) => {
    if (cell.model.type !== 'code') return;
    out.codeCells++;
    if (cell.model.executionCount !== null) out.cells++;
    const label = `cell ${i + 1} (${cell.model.sharedModel.getSource().split('\n')[0].slice(0, 50)})`;
    const area = cell.outputArea;
    for (let j = 0; j < area.model.length; j++) {
      const output = area.model.get(j);
      const node = area.widgets[j]?.node;
      if (output.type === 'error') {
        const { ename, evalue } = output.toJSON();
        out.errors.push(`${label}: ${ename}: ${String(evalue).slice(0, 200)}`);
      }
      const data = output.data;
      if (data[plotlyMime]) {
        const img = node?.querySelector('img');
        out.figures.push({ label, svg: !!node?.querySelector('svg.main-svg'),
          mime: !!node?.querySelector('.musicoder-PlotlyRenderer svg.main-svg'),
          img: !!img && img.complete && img.naturalWidth > 0 });
      } else if (typeof data['text/html'] === 'string' && data['text/html'].includes('<table')) {
        out.tables.push({ label, drawn: !!node?.querySelector('table') });
      }
    }
  });
  return out;
}

function runningCell() {
  const cells = window.musicoderLab.panel.content.widgets;
  const i = cells.findIndex(c => c.model.type === 'code' && c.model.executionState === 'running');
  return i < 0 ? 'no cell running' :
    `cell ${i + 1} (${cells[i].model.sharedModel.getSource().split('\n')[0].slice(0, 50)}) still running`;
}

async function kernelStarts(page) {
  await waitFor(page, 'the musicoder kernel to start and be idle', 180,
    () => {
      const s = window.musicoderLab.panel.sessionContext;
      return s.session?.kernel?.name === 'musicoder' && s.kernelDisplayStatus === 'idle';
    }, null,
    () => {
      const s = window.musicoderLab.panel.sessionContext;
      return `kernel ${s.session?.kernel?.name ?? 'none'}, status ${s.kernelDisplayStatus}`;
    });
}

/**
 * The language the editors got from kernel_info, and the words drawn in JupyterLab's keyword colour: how many in
 * all code cells, and which in the cell holding `while (true)` (the scratch cell, once it exists).
 */
async function javaHighlighting(page) {
  // The notebook's copy has no language_info: JupyterLab sets it from the kernel's kernel_info reply.
  await waitFor(page, "the notebook's language_info to be set from the kernel's kernel_info", 60,
    () => window.musicoderLab.panel.model.getMetadata('language_info')?.name);
  return page.evaluate(async () => {
    const lab = window.musicoderLab;
    const info = (await lab.panel.sessionContext.session.kernel.info).language_info;
    const probe = document.createElement('span');
    probe.style.color = 'var(--jp-mirror-editor-keyword-color)';
    document.body.appendChild(probe);
    const keywordColour = getComputedStyle(probe).color;
    probe.remove();
    let keywords = 0;
    let loopKeywords = [];
    const mimeTypes = new Set();
    for (const cell of lab.panel.content.widgets) {
      if (cell.model.type !== 'code') continue;
      mimeTypes.add(cell.model.mimeType);
      const words = [...cell.node.querySelectorAll('.cm-content .cm-line span')]
        .filter(span => getComputedStyle(span).color === keywordColour).map(span => span.textContent);
      keywords += words.length;
      if (cell.model.sharedModel.getSource().includes('while (true)')) loopKeywords = words;
    }
    return { language: info.name, mimetype: info.mimetype, editors: [...mimeTypes], keywords, loopKeywords };
  });
}

/** Tab after System.out.printl in a new last cell: the completer pops up and offers println. */
async function completer(page) {
  await page.evaluate(() => {
    const { panel, NotebookActions } = window.musicoderLab;
    panel.content.activeCellIndex = panel.content.widgets.length - 1;
    NotebookActions.insertBelow(panel.content);
    panel.content.mode = 'edit';
  });
  const editor = page.locator('.jp-Notebook .jp-Cell').last().locator('.cm-content');
  await editor.click();
  await page.keyboard.type('System.out.printl');
  // Tab, and again as a user would if nothing came (a slow kernel's reply can miss the completer's time limit).
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Tab');
    try {
      await waitFor(page, 'the completer to pop up with println after Tab on System.out.printl', 20,
        () => [...document.querySelectorAll('.jp-Completer:not(.lm-mod-hidden) .jp-Completer-item')]
          .some(item => item.textContent.includes('println')), null,
        () => `completer ${document.querySelector('.jp-Completer:not(.lm-mod-hidden)') ? 'shown' : 'hidden'}, ` +
          `Tab pressed ${attempt} times`);
      report.completer_tabs = attempt;
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  const items = await page.locator('.jp-Completer-item').count();
  await page.keyboard.press('Escape');
  return items;
}

/**
 * In the same scratch cell: a `while (true)` loop run with Shift+Enter, stopped with the toolbar's interrupt button.
 * The loop prints a line on its first turn, and the button is clicked once that line shows: the loop is running.
 * (An interrupt that reaches the kernel while JShell still compiles the loop is lost: docs/jupyterlab.md.)
 */
async function interrupt(page) {
  const editor = page.locator('.jp-Notebook .jp-Cell').last().locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('long spins = 0;\nwhile (true) { if (spins++ == 0) System.out.println("spinning"); }');
  const index = await page.evaluate(() => window.musicoderLab.panel.content.widgets.length - 1);
  await page.keyboard.press('Shift+Enter');
  await waitFor(page, 'the `while (true)` loop to print "spinning" (kernel busy)', 120, i => {
    const { panel } = window.musicoderLab;
    const cell = panel.content.widgets[i];
    return cell.model.executionState === 'running' && panel.sessionContext.kernelDisplayStatus === 'busy' &&
      cell.outputArea.node.textContent.includes('spinning');
  }, index);
  await page.locator('.jp-Toolbar-item[data-jp-item-name="interrupt"] .jp-ToolbarButtonComponent').click();
  await waitFor(page, 'the interrupt button to stop the `while (true)` loop (cell finished, kernel idle)', 60, i => {
    const { panel } = window.musicoderLab;
    return panel.content.widgets[i].model.executionState === 'idle' &&
      panel.sessionContext.kernelDisplayStatus === 'idle';
  }, index, () => `kernel ${window.musicoderLab.panel.sessionContext.kernelDisplayStatus}`);
  // The kernel answers the next cell (Shift+Enter left a new cell below, in edit mode).
  const next = index + 1;
  await page.locator('.jp-Notebook .jp-Cell').nth(next).locator('.cm-content').click();
  await page.keyboard.type('6 * 7');
  await page.keyboard.press('Shift+Enter');
  await waitFor(page, 'the kernel to answer 6 * 7 after the interrupt', 60, i => {
    const area = window.musicoderLab.panel.content.widgets[i].outputArea.model;
    return area.length > 0 && JSON.stringify(area.get(0).data).includes('42');
  }, next);
  return page.evaluate(i => window.musicoderLab.panel.content.widgets[i].outputArea.model.toJSON()
    .map(o => o.output_type === 'error' ? `${o.ename}: ${o.evalue}` : o.output_type).join(', '), index);
}

/** A full-height screenshot: the window is made as tall as the notebook, so every cell is drawn. */
async function screenshot(page, path) {
  const height = await page.evaluate(() => {
    const nb = window.musicoderLab.panel;
    // The notebook scrolls inside its WindowedPanel's outer node.
    const scroller = nb.content.node.querySelector('.jp-WindowedPanel-outer') ?? nb.content.node;
    return nb.toolbar.node.offsetHeight + scroller.scrollHeight + 20;
  });
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height, 900), 16000) });
  await page.evaluate(() => new Promise(r => {
    const nb = window.musicoderLab.panel.content.node;
    (nb.querySelector('.jp-WindowedPanel-outer') ?? nb).scrollTop = 0;
    requestAnimationFrame(() => requestAnimationFrame(r));
  }));
  await page.screenshot({ path, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Waits for every figure output to show Plotly's SVG (inside the renderer class, if given); failures are kept. */
async function figuresDrawn(page, what, rendererClass) {
  await waitFor(page, what, 60, ([m, within]) => window.musicoderLab.panel.content.widgets.every(c =>
    c.model.type !== 'code' || c.outputArea.model.toJSON().every((o, j) => !o.data?.[m] ||
      c.outputArea.widgets[j]?.node.querySelector(`${within} svg.main-svg`))), [PLOTLY, rendererClass]);
}

async function runAll(page) {
  await page.locator('.jp-Toolbar-item[data-jp-item-name="run-all"] .jp-ToolbarButtonComponent').click();
  const started = Date.now();
  const progress = setInterval(() => {
    page.evaluate(runningCell).then(s => say(`${Math.round((Date.now() - started) / 1000)} s: ${s}`), () => {});
  }, 30_000);
  try {
    await waitFor(page, 'the run of all cells to finish', opts.runTimeout,
      () => window.musicoderLab.runs.length > 0 && window.musicoderLab.runs.every(r => r.done) &&
        window.musicoderLab.panel.sessionContext.kernelDisplayStatus === 'idle', null, runningCell);
  } finally {
    clearInterval(progress);
  }
  report.run_seconds = Math.round((Date.now() - started) / 1000);
  say(`run finished in ${report.run_seconds} s`);
}

async function main() {
  const serverLog = createWriteStream(join(opts.out, 'server.log'));
  let server = null;
  let browser = null;
  let page = null;
  const t0 = Date.now();
  try {
    server = liveServer = await startServer(serverLog);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run']
    });

    say(`opening ${opts.notebook} in the notebook page`);
    step('page');
    page = await openPage(browser, server, 'kernel=musicoder', 'page');
    step('kernel');
    await kernelStarts(page);
    step('java-editor');
    const lang = await javaHighlighting(page);
    Object.assign(report, { language: lang.language, editor_mimetypes: lang.editors });
    if (!lang.editors.includes('text/x-java')) {
      fail('java-editor', `the editors are ${lang.editors.join(', ')}, not Java (text/x-java), for the ` +
        `kernel's language_info ${lang.language} ${lang.mimetype}`);
    }

    say('running all cells (toolbar: Run all cells)');
    step('run-all');
    await runAll(page);
    step('figures-html');
    // plotly.js draws each figure when its output's script runs.
    await figuresDrawn(page, 'every figure to be drawn (Plotly SVG) through its text/html', '')
      .catch(e => fail('figures-html', e.message));
    const run = await page.evaluate(inspectOutputs, PLOTLY);
    Object.assign(report, { cells: run.cells, errors: run.errors.length, figures: run.figures.length,
      figures_drawn: run.figures.filter(f => f.svg).length, tables: run.tables.length,
      tables_drawn: run.tables.filter(t => t.drawn).length });
    if (run.cells < run.codeCells) {
      fail('run-all', `${run.codeCells - run.cells} of ${run.codeCells} code cells did not run`);
    }
    for (const e of run.errors) fail('run-all', `error output in ${e}`);
    step('tables');
    for (const t of run.tables) if (!t.drawn) fail('tables', `the table in ${t.label} is not drawn as an HTML table`);
    if (run.tables.length < opts.minTables) {
      fail('tables', `${run.tables.length} tables, expected at least ${opts.minTables}`);
    }
    for (const f of run.figures) if (!f.svg) fail('figures-html', `the figure in ${f.label} has no Plotly SVG`);
    if (run.figures.length < opts.minFigures) {
      fail('figures-html', `${run.figures.length} figures, expected at least ${opts.minFigures}`);
    }
    await screenshot(page, join(opts.out, 'screenshot.png'));

    say('completer and interrupt in a scratch cell');
    step('completer');
    report.completions = await completer(page);
    step('interrupt');
    report.interrupted_cell_outputs = await interrupt(page);
    step('java-highlight');
    const highlight = await javaHighlighting(page);
    report.java_keywords_highlighted = highlight.keywords;
    const missing = ['while', 'true', 'if'].filter(w => !highlight.loopKeywords.includes(w));
    if (missing.length) {
      fail('java-highlight', `${missing.join(', ')} in the \`while (true)\` cell not in the keyword colour ` +
        `(keyword-coloured: ${highlight.loopKeywords.join(' ') || 'nothing'})`);
    }
    // Drop the scratch cells, save the notebook as run.
    await page.evaluate(codeCells => {
      const { panel, NotebookActions } = window.musicoderLab;
      const nb = panel.content;
      let code = 0;
      const first = nb.widgets.findIndex(c => c.model.type === 'code' && ++code > codeCells);
      nb.deselectAll();
      nb.activeCellIndex = first;
      nb.extendContiguousSelectionTo(nb.widgets.length - 1);
      NotebookActions.deleteCells(nb);
      return panel.context.save();
    }, run.codeCells);
    await page.close();
    page = null;

    say('reopening the saved notebook with the Plotly MIME renderer');
    step('figures-mime');
    page = await openPage(browser, server, 'kernel=none&plotly=mime', 'page-mime');
    await figuresDrawn(page, 'every figure to be drawn by the Plotly MIME renderer', '.musicoder-PlotlyRenderer')
      .catch(e => fail('figures-mime', e.message));
    const mime = await page.evaluate(inspectOutputs, PLOTLY);
    report.figures_drawn_mime = mime.figures.filter(f => f.mime).length;
    if (mime.figures.length !== report.figures) {
      fail('figures-mime', `the saved notebook has ${mime.figures.length} figures, the run showed ${report.figures}`);
    }
    for (const f of mime.figures) if (!f.mime) fail('figures-mime', `the figure in ${f.label} is not drawn`);
    await screenshot(page, join(opts.out, 'screenshot-mime.png'));
    await page.close();
    page = null;

    if (opts.reopenUntrusted) {
      say('reopening the saved notebook untrusted (a new server has no signature for it)');
      step('untrusted');
      await stopServer(server);
      server = liveServer = await startServer(serverLog);
      page = await openPage(browser, server, 'kernel=none', 'page-untrusted');
      const trusted = await page.evaluate(() => window.musicoderLab.panel.content.widgets
        .filter(c => c.model.type === 'code' && c.model.trusted).length);
      if (trusted > 0) fail('untrusted', `reopened by a new server, ${trusted} code cells are still trusted`);
      await page.waitForFunction(() => [...document.images].every(i => i.complete), null, { timeout: 30_000 })
        .catch(() => fail('untrusted', 'images still loading after 30 s'));
      const cold = await page.evaluate(inspectOutputs, PLOTLY);
      report.figures_static = cold.figures.filter(f => f.img).length;
      report.figures_drawn_untrusted = cold.figures.filter(f => f.svg).length;
      if (opts.expectStatic) {
        step('figures-static');
        for (const f of cold.figures) {
          if (!f.img) fail('figures-static', `the figure in ${f.label} shows no static <img>`);
        }
      }
      await page.close();
      page = null;
    }
  } catch (e) {
    if (!(e instanceof CheckFailed)) say(e.stack);
    fail(current, e.message);
    if (page) {
      // What the page shows now: counts for the report, and the screenshot.
      const now = await page.evaluate(inspectOutputs, PLOTLY).catch(() => null);
      if (now && report.cells === 0) {
        Object.assign(report, { cells: now.cells, errors: now.errors.length, figures: now.figures.length,
          figures_drawn: now.figures.filter(f => f.svg).length, tables: now.tables.length });
      }
      await screenshot(page, join(opts.out, 'screenshot.png')).catch(() => {});
    }
  } finally {
    if (browser) await browser.close().catch(() => {});
    await stopServer(server);
  }
  report.seconds = Math.round((Date.now() - t0) / 1000);
  const outcome = c => !reached.has(c) ? 'not reached' : failed.has(c) ? 'failed' : 'passed';
  report.checks = Object.fromEntries(CHECKS.map(c => [c, outcome(c)]));
  report.problems = problems.map(p => repeats.get(p) > 1 ? `${p} (${repeats.get(p)} times)` : p);
  writeFileSync(join(opts.out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  for (const p of report.problems) say(`FAILED ${p}`);
  const passed = CHECKS.filter(c => report.checks[c] === 'passed').length;
  say(`${JSON.stringify({ cells: report.cells, errors: report.errors, figures: report.figures,
    figures_drawn: report.figures_drawn, tables: report.tables })} in ${report.seconds} s (${opts.out})`);
  // The plain closing line CI reads.
  console.log(`jupyterlab-check: ${passed} passed, ${CHECKS.length - passed} failed`);
  return passed === CHECKS.length ? 0 : 1;
}

process.exitCode = await main();
