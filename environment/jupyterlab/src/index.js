// A notebook page assembled from JupyterLab 4's npm packages: one notebook (page option notebookPath) in a
// NotebookPanel with JupyterLab's toolbar items, CodeMirror 6 editors, the kernel completer and the standard
// renderers, talking to the Jupyter server that served the page. Page options (set by the server from the URL):
//   notebookPath    the notebook, relative to the server's root
//   startKernel     'false' opens the notebook without a kernel (to look at saved outputs)
//   plotlyRenderer  'mime' also registers the project's Plotly MIME renderer (src/plotly-renderer.js)
// window.musicoderLab hands the panel and its helpers to the check (check.mjs).
import './style.js';
import { PageConfig } from '@jupyterlab/coreutils';
import { ServiceManager } from '@jupyterlab/services';
import { CommandToolbarButton, SessionContextDialogs, Toolbar as SessionToolbar } from '@jupyterlab/apputils';
import {
  CodeMirrorEditorFactory, CodeMirrorMimeTypeService, EditorExtensionRegistry, EditorLanguageRegistry,
  EditorThemeRegistry, ybinding
} from '@jupyterlab/codemirror';
import {
  Completer, CompleterModel, CompletionHandler, KernelCompleterProvider, ProviderReconciliator
} from '@jupyterlab/completer';
import { DocumentManager } from '@jupyterlab/docmanager';
import { DocumentRegistry } from '@jupyterlab/docregistry';
import { createMarkdownParser } from '@jupyterlab/markedparser-extension';
import {
  NotebookActions, NotebookModelFactory, NotebookPanel, NotebookWidgetFactory, StaticNotebook, ToolbarItems
} from '@jupyterlab/notebook';
import { RenderMimeRegistry, standardRendererFactories } from '@jupyterlab/rendermime';
import { Toolbar, fastForwardIcon } from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';
import { Widget } from '@lumino/widgets';
import { plotlyRendererFactory } from './plotly-renderer.js';

/** CodeMirror languages (all of JupyterLab's defaults, Java among them) and editor extensions, as in the Lab. */
function editorFactory() {
  const languages = new EditorLanguageRegistry();
  for (const language of EditorLanguageRegistry.getDefaultLanguages()) languages.addLanguage(language);
  const themes = new EditorThemeRegistry();
  for (const theme of EditorThemeRegistry.getDefaultThemes()) themes.addTheme(theme);
  const extensions = new EditorExtensionRegistry();
  for (const ext of EditorExtensionRegistry.getDefaultExtensions({ themes })) extensions.addExtension(ext);
  // Binds each editor to its cell's shared text (the Lab's codemirror-extension plugin does the same).
  extensions.addExtension({
    name: 'shared-model-binding',
    factory: options => EditorExtensionRegistry.createImmutableExtension(ybinding({
      ytext: options.model.sharedModel.ysource,
      undoManager: options.model.sharedModel.undoManager ?? undefined
    }))
  });
  return { languages, factory: new CodeMirrorEditorFactory({ extensions, languages }) };
}

function toolbarItems(commands, dialogs) {
  return panel => [
    { name: 'save', widget: ToolbarItems.createSaveButton(panel) },
    { name: 'run', widget: ToolbarItems.createRunButton(panel, dialogs) },
    { name: 'run-all', widget: new CommandToolbarButton({ commands, id: 'lab:run-all' }) },
    { name: 'interrupt', widget: SessionToolbar.createInterruptButton(panel.sessionContext) },
    { name: 'cellType', widget: ToolbarItems.createCellTypeItem(panel) },
    { name: 'spacer', widget: Toolbar.createSpacerItem() },
    { name: 'kernelName', widget: SessionToolbar.createKernelNameItem(panel.sessionContext, dialogs) },
    { name: 'kernelStatus', widget: SessionToolbar.createKernelStatusItem(panel.sessionContext) }
  ];
}

/** Tab asks the kernel for completions in the active cell's editor; the completer pops up with them. */
function completer(panel) {
  const widget = new Completer({ model: new CompleterModel() });
  const context = () => ({ widget: panel, editor: panel.content.activeCell?.editor,
    session: panel.sessionContext.session });
  const reconciliator = () => new ProviderReconciliator({ context: context(),
    providers: [new KernelCompleterProvider()], timeout: 15000 });
  const handler = new CompletionHandler({ completer: widget, reconciliator: reconciliator() });
  handler.editor = panel.content.activeCell?.editor ?? null;
  panel.content.activeCellChanged.connect((_, cell) => { handler.editor = cell?.editor ?? null; });
  panel.sessionContext.sessionChanged.connect(() => { handler.reconciliator = reconciliator(); });
  panel.sessionContext.ready.then(() => { handler.reconciliator = reconciliator(); });
  widget.hide();
  widget.addClass('jp-ThemedContainer');
  Widget.attach(widget, document.body);
  return handler;
}

function addCommands(commands, panel, handler, dialogs) {
  const nb = panel.content;
  const add = (id, label, execute, icon) => commands.addCommand(id, { label, execute, icon, caption: label });
  // The check waits for the run's promise (true when every cell ran without error).
  add('lab:run-all', 'Run all cells', () => {
    const run = { done: false, ok: null };
    window.musicoderLab.runs.push(run);
    return NotebookActions.runAll(nb, panel.sessionContext, dialogs)
      .then(ok => Object.assign(run, { done: true, ok }), e => Object.assign(run, { done: true, error: String(e) }));
  }, fastForwardIcon);
  add('lab:run-and-advance', 'Run and advance',
    () => NotebookActions.runAndAdvance(nb, panel.sessionContext, dialogs));
  add('lab:interrupt', 'Interrupt the kernel', () => panel.sessionContext.session?.kernel?.interrupt());
  add('lab:save', 'Save', () => panel.context.save());
  add('lab:edit-mode', 'Edit mode', () => { nb.mode = 'edit'; });
  add('lab:command-mode', 'Command mode', () => { nb.mode = 'command'; });
  add('lab:complete', 'Complete', () => handler.invoke());
  add('lab:select-completion', 'Insert the completion', () => handler.completer.selectActive());
  const bind = (selector, keys, command) => commands.addKeyBinding({ selector, keys, command });
  bind('.jp-Notebook', ['Shift Enter'], 'lab:run-and-advance');
  bind('.jp-Notebook', ['Accel S'], 'lab:save');
  bind('.jp-Notebook.jp-mod-editMode .jp-mod-completer-enabled', ['Tab'], 'lab:complete');
  bind('.jp-Notebook .jp-mod-completer-active', ['Enter'], 'lab:select-completion');
  bind('.jp-Notebook.jp-mod-editMode', ['Escape'], 'lab:command-mode');
  bind('.jp-Notebook.jp-mod-commandMode:focus', ['Enter'], 'lab:edit-mode');
  bind('.jp-Notebook.jp-mod-commandMode:focus', ['I', 'I'], 'lab:interrupt');
  document.addEventListener('keydown', event => commands.processKeydownEvent(event), true);
}

async function main() {
  window.musicoderLab = { runs: [] };
  const manager = new ServiceManager();
  await manager.ready;
  const { languages, factory } = editorFactory();
  const rendermime = new RenderMimeRegistry({ initialFactories: standardRendererFactories,
    markdownParser: createMarkdownParser(languages) });
  if (PageConfig.getOption('plotlyRenderer') === 'mime') rendermime.addFactory(plotlyRendererFactory);

  const commands = new CommandRegistry();
  const dialogs = new SessionContextDialogs();
  const startKernel = PageConfig.getOption('startKernel') !== 'false';
  const registry = new DocumentRegistry();
  registry.addModelFactory(new NotebookModelFactory({}));
  registry.addWidgetFactory(new NotebookWidgetFactory({
    name: 'Notebook', modelName: 'notebook', fileTypes: ['notebook'], defaultFor: ['notebook'],
    preferKernel: startKernel, canStartKernel: startKernel, rendermime,
    contentFactory: new NotebookPanel.ContentFactory({ editorFactory: factory.newInlineEditor }),
    mimeTypeService: new CodeMirrorMimeTypeService(languages),
    toolbarFactory: toolbarItems(commands, dialogs),
    // Every cell in the DOM (no virtual scrolling) and no blank space after the last, so the check and a
    // full-height screenshot see them all.
    notebookConfig: { ...StaticNotebook.defaultNotebookConfig, windowingMode: 'none', scrollPastEnd: false }
  }));
  const docs = new DocumentManager({ registry, manager, opener: { open: () => {}, get opened() {
    return { connect: () => false, disconnect: () => false };
  } } });
  const panel = docs.open(PageConfig.getOption('notebookPath'));
  if (!panel) throw new Error(`cannot open ${PageConfig.getOption('notebookPath')}`);
  panel.id = 'main';
  panel.addClass('jp-ThemedContainer');
  const handler = completer(panel);
  addCommands(commands, panel, handler, dialogs);
  Widget.attach(panel, document.body);
  window.addEventListener('resize', () => panel.update());

  await panel.context.ready;
  await panel.sessionContext.ready;
  Object.assign(window.musicoderLab, { panel, commands, handler, rendermime, NotebookActions });
  document.body.dataset.lab = 'ready';
}

main().catch(error => {
  console.error(error);
  document.body.dataset.lab = 'failed';
  document.body.dataset.labError = String(error?.message ?? error);
});
