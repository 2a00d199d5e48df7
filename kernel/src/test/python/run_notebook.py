"""Executes a notebook headless with nbclient and the installed 'musicoder' kernelspec; writes the executed copy.

Usage: run_notebook.py IN.ipynb OUT.ipynb
Prints one line per error output and exits 1 if there is any (0 otherwise); stderr streams are printed.
"""
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main(src, dst):
    nb = nbformat.read(src, as_version=4)
    client = NotebookClient(nb, kernel_name="musicoder", timeout=1800, startup_timeout=120, allow_errors=True)
    t0 = time.time()
    try:
        client.execute()
    except CellExecutionError as e:
        print("execution stopped: %s" % e)
    nbformat.write(nb, dst)
    errors = 0
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out["output_type"] == "error":
                errors += 1
                print("cell %d: error %s: %s" % (i, out["ename"], out["evalue"]))
            elif out["output_type"] == "stream" and out["name"] == "stderr":
                print("cell %d stderr: %s" % (i, out["text"].strip()))
    print("%s: %d cells, %d error outputs, %.1f s" % (src, len(nb.cells), errors, time.time() - t0))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
