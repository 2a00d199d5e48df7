"""Executes the notebooks of notebooks/ headless with nbclient and the installed 'musicoder' kernelspec."""
import os
import unittest

import nbformat
from nbclient import NotebookClient

ROOT = os.environ["MUSICODER_ROOT"]


def run(name):
    nb = nbformat.read(os.path.join(ROOT, "notebooks", name), as_version=4)
    NotebookClient(nb, kernel_name="musicoder", timeout=900, allow_errors=False).execute()
    return nb


class NotebookTests(unittest.TestCase):
    def test_quickstart_runs_without_errors_and_draws_its_plots(self):
        nb = run("01-quickstart.ipynb")
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        self.assertFalse([o for o in outputs if o.output_type == "error"])
        plots = [o for o in outputs if "data" in o and "application/vnd.plotly.v1+json" in o.data]
        # the features heatmap, the masking view, the loss curve (live display and the cell value)
        self.assertGreaterEqual(len(plots), 3)
        loaders = [o for o in outputs if "data" in o and "text/html" in o.data and "= module.exports" in o.data["text/html"]]
        self.assertEqual(1, len(loaders), "plotly.js is sent once per notebook")
