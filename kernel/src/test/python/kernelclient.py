"""Shared helpers of the kernel tests: start the installed 'musicoder' kernel, run cells, collect outputs."""
import queue
import time
import unittest

from jupyter_client.manager import start_new_kernel

TIMEOUT = 120


class KernelCase(unittest.TestCase):
    """One kernel for the whole test class."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name="musicoder", startup_timeout=60)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def execute(self, code, timeout=TIMEOUT):
        """Runs a cell; returns (reply content, [(msg_type, content), ...] of its iopub outputs)."""
        outputs = []
        reply = self.kc.execute_interactive(
            code, timeout=timeout, output_hook=lambda m: outputs.append((m["msg_type"], m["content"])))
        outs = [o for o in outputs if o[0] not in ("status", "execute_input")]
        return reply["content"], outs

    def value(self, code):
        """The text/plain of a cell's execute_result (fails on an error)."""
        content, outs = self.execute(code)
        self.assertEqual("ok", content["status"], content)
        for kind, c in outs:
            if kind == "execute_result":
                return c["data"]["text/plain"]
        self.fail("no execute_result for " + code + ": " + repr(outs))

    def error(self, code, timeout=TIMEOUT):
        """The evalue of a cell that must fail with exactly one error output of one line."""
        content, outs = self.execute(code, timeout=timeout)
        self.assertEqual("error", content["status"], content)
        errors = [c for k, c in outs if k == "error"]
        self.assertEqual(1, len(errors), outs)
        self.assertEqual(1, len(errors[0]["traceback"]), errors[0])
        self.assertNotIn("\n", errors[0]["evalue"])
        return errors[0]["evalue"]

    def stdout(self, outs):
        return "".join(c["text"] for k, c in outs if k == "stream" and c["name"] == "stdout")

    def displays(self, outs):
        return [c["data"] for k, c in outs if k in ("display_data", "execute_result")]

    def complete(self, code):
        msg_id = self.kc.complete(code)
        return set(self.shell_reply(msg_id)["content"]["matches"])

    def shell_reply(self, msg_id):
        """The shell reply to msg_id (replies to earlier requests, e.g. startup's kernel_info, are skipped)."""
        while True:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply

    def wait_for_iopub(self, predicate, timeout=TIMEOUT):
        """Reads iopub until a message satisfies predicate; returns it."""
        end = time.time() + timeout
        while time.time() < end:
            try:
                msg = self.kc.get_iopub_msg(timeout=1)
            except queue.Empty:
                continue
            if predicate(msg):
                return msg
        self.fail("no such iopub message within %s s" % timeout)
