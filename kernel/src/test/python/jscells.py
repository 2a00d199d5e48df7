"""%%js cells through Jupyter's client: values, sharing with Java both ways, errors, completion, interrupt, display."""
import time

from kernelclient import KernelCase


class JsCellTests(KernelCase):
    def js(self, body):
        return self.execute("%%js\n" + body)

    def js_value(self, body):
        return self.value("%%js\n" + body)

    def test_last_value_and_console_output(self):
        content, outs = self.js("console.log('from js', 40 + 2);\n[1, 2, 3].map(x => x * x).reduce((a, b) => a + b)")
        self.assertEqual("ok", content["status"], content)
        self.assertEqual("from js 42\n", self.stdout(outs))
        results = [c for k, c in outs if k == "execute_result"]
        self.assertEqual(1, len(results), outs)
        self.assertEqual("14", results[0]["data"]["text/plain"])
        content, outs = self.js("var nothing;")
        self.assertEqual("ok", content["status"], content)
        self.assertEqual([], [c for k, c in outs if k == "execute_result"])

    def test_java_variables_are_shared_with_js_and_back(self):
        self.assertEqual("ok", self.execute("double[] xs = {1.5, 2.5, 4.0};")[0]["status"])
        self.assertEqual("8", self.js_value("xs[2] = 8; xs.length + 5"))
        self.assertEqual("8.0", self.value("xs[2]"))              # JS wrote into the Java array itself
        content, _ = self.js("var total = 0;\nfor (const v of xs) total += v;\nconst names = ['a', 'b'];\nlet scaled = new Float32Array([0.5, 1.5]);")
        self.assertEqual("ok", content["status"], content)
        self.assertEqual("12", self.value("total"))                # an integral JS number is an Integer
        self.assertEqual("java.lang.Integer", self.value("total.getClass().getName()"))
        self.assertEqual("[a, b]", self.value("names"))
        self.assertEqual("2.0", self.value("scaled[0] + scaled[1]"))
        self.assertEqual("ok", self.execute("total = 100;")[0]["status"])     # Java's change reaches JS
        self.assertEqual("101", self.js_value("total + 1"))

    def test_js_errors_name_the_js_line(self):
        content, outs = self.js("let a = 1;\nlet b = a + 1;\nnull.foo;")
        self.assertEqual("error", content["status"])
        self.assertEqual("TypeError", content["ename"])
        self.assertIn("line 3", content["evalue"])
        content, _ = self.js("let ok = 1;\nfunction (")
        self.assertEqual("SyntaxError", content["ename"])
        self.assertIn("line 2", content["evalue"])
        self.assertEqual("3", self.js_value("1 + 2"))

    def test_completion_of_globals_and_members(self):
        self.assertEqual("ok", self.js("var spectrumPeak = 3;")[0]["status"])
        self.assertIn("spectrumPeak", self.complete("%%js\nspectrumP"))
        self.assertIn("floor", self.complete("%%js\nMath.fl"))
        self.assertIn("%%js", self.complete("%%j"))

    def test_tables_render_like_java_values(self):
        content, outs = self.js("const Table = Java.type('tech.tablesaw.api.Table');\n"
                                "const DoubleColumn = Java.type('tech.tablesaw.api.DoubleColumn');\n"
                                "Table.create('from js', DoubleColumn.create('x', Java.to([1.25, 2.5], 'double[]')))")
        self.assertEqual("ok", content["status"], content)
        data = [c["data"] for k, c in outs if k == "execute_result"][0]
        self.assertIn("<table", data["text/html"])
        self.assertIn("1.25", data["text/html"])

    def test_interrupt_stops_a_runaway_loop(self):
        self.assertEqual("ok", self.js("var spins = 0;")[0]["status"])
        msg_id = self.kc.execute("%%js\nwhile (true) { spins++; }")
        self.wait_for_iopub(lambda m: m["msg_type"] == "execute_input" and m["parent_header"]["msg_id"] == msg_id)
        time.sleep(2)
        t0 = time.time()
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=60)
        print("interrupt of a JS loop answered after %.3f s" % (time.time() - t0))
        self.assertEqual(msg_id, reply["parent_header"]["msg_id"])
        self.assertEqual("Interrupted", reply["content"]["ename"])
        self.assertEqual("true", self.js_value("spins > 0"))
        self.assertEqual("42", self.value("6 * 7"))

    def test_lsmagic_and_device_name_the_js_mode(self):
        self.assertEqual("ok", self.js("1")[0]["status"])
        content, outs = self.execute("%lsmagic")
        self.assertIn("%%js runs GraalVM JavaScript: interpreter", self.stdout(outs))
        content, outs = self.execute("%device")
        self.assertEqual("ok", content["status"], content)
        self.assertIn("GraalVM JS, interpreter", "".join(d.get("text/html", "") for d in self.displays(outs)))
