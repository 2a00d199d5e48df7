"""Runs one test module against the installed MusiCoder kernelspec and prints a JSON summary on the last line.

Usage: /usr/bin/python3 run_tests.py MODULE   (JUPYTER_PATH must point at the kernelspec's share/jupyter)
The JUnit side asserts: no failure, no error, no skipped test.
"""
import importlib
import json
import sys
import unittest

module = importlib.import_module(sys.argv[1])
suite = unittest.defaultTestLoader.loadTestsFromModule(module)
result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
print(json.dumps({
    "run": result.testsRun,
    "failures": [str(t) for t, _ in result.failures],
    "errors": [str(t) for t, _ in result.errors],
    "skipped": [str(t) + ": " + reason for t, reason in result.skipped],
}))
