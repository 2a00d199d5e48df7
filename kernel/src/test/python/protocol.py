"""Protocol behaviour the conformance suite does not cover: forged signatures, bound addresses, interrupts."""
import os
import queue
import shutil
import tempfile
import time

from jupyter_client.session import Session

from kernelclient import KernelCase

ROOT = os.environ["MUSICODER_ROOT"]
CLIPS = os.path.join(ROOT, "datasets/src/main/resources/org/musicoder/datasets/demo/clips")


def listening(port):
    """Dotted IPv4 addresses listening on a TCP port, from /proc/net/tcp and tcp6 (IPv4-mapped ::ffff:a.b.c.d)."""
    out = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in open(table).read().splitlines()[1:]:
            f = line.split()
            ip, p = f[1].split(":")
            if int(p, 16) != port or f[3] != "0A":
                continue
            if len(ip) == 32:
                out.add(ip if not ip.startswith("0000000000000000FFFF0000") else ip[24:])
            else:
                out.add(ip)
    return {".".join(str(int(h[i:i + 2], 16)) for i in (6, 4, 2, 0)) if len(h) == 8 else h for h in out}


class ProtocolTests(KernelCase):
    def forge(self, channel, msg_type, content):
        """Sends a message signed with a wrong key on a channel's socket."""
        bad = Session(key=b"not-the-kernel-key", session=self.kc.session.session, username="forger")
        bad.send(channel.socket, bad.msg(msg_type, content=content))

    def test_forged_messages_are_ignored_and_the_kernel_keeps_serving(self):
        self.value("1 + 1")
        self.forge(self.kc.shell_channel, "execute_request",
                   {"code": "System.out.println(\"forged\");", "silent": False, "store_history": True,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        self.forge(self.kc.shell_channel, "kernel_info_request", {})
        self.forge(self.kc.control_channel, "shutdown_request", {"restart": False})
        with self.assertRaises(queue.Empty):
            self.kc.get_shell_msg(timeout=2)
        with self.assertRaises(queue.Empty):
            self.kc.get_control_msg(timeout=1)
        self.assertTrue(self.km.is_alive())
        msg_id = self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=30)
        self.assertEqual(msg_id, reply["parent_header"]["msg_id"])
        self.assertEqual("ok", reply["content"]["status"])
        content, outs = self.execute("System.out.println(\"genuine\");")
        self.assertEqual("genuine\n", self.stdout(outs))
        self.assertEqual("3", self.value("1 + 2"))

    def test_restart_gives_a_fresh_session(self):
        self.assertEqual("ok", self.execute("String before = \"restart\";")[0]["status"])
        t0 = time.time()
        self.km.restart_kernel(now=False)
        print("restart took %.3f s" % (time.time() - t0))
        self.assertEqual("2", self.value("1 + 1"))
        content, outs = self.execute("before")
        self.assertEqual("CompileError", content["ename"])

    def test_sockets_bound_to_the_connection_files_address(self):
        info = self.km.get_connection_info()
        self.assertEqual("127.0.0.1", info["ip"])
        for name in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"):
            self.assertEqual({"127.0.0.1"}, listening(info[name]), name)

    def test_live_figure_updates_carry_the_image_once_at_the_end(self):
        self.assertEqual("ok", self.execute(
            "import tech.tablesaw.plotly.components.Figure;\n"
            "import tech.tablesaw.plotly.traces.ScatterTrace;\n"
            "Figure line(int n) { double[] x = new double[n], y = new double[n];\n"
            "  for (int i = 0; i < n; i++) { x[i] = i; y[i] = i * i; }\n"
            "  return Figure.builder().addTraces(ScatterTrace.builder(x, y).build()).build(); }")[0]["status"])
        content, outs = self.execute("String id = display(line(2));\nfor (int n = 3; n <= 5; n++) updateDisplay(id, line(n));")
        self.assertEqual("ok", content["status"], content)
        kinds = [k for k, c in outs if k in ("display_data", "update_display_data")]
        self.assertEqual(["display_data"] + ["update_display_data"] * 4, kinds, outs)
        data = [c["data"] for k, c in outs if k in ("display_data", "update_display_data")]
        self.assertEqual([True, False, False, False, True], ["image/png" in d for d in data])
        self.assertEqual(5, len(data[-1]["application/vnd.plotly.v1+json"]["data"][0]["x"]), "the last state")
        self.assertIn("<img", data[-1]["text/html"])
        self.assertNotIn("<img", data[-2]["text/html"])
        ids = {c["transient"]["display_id"] for k, c in outs if k in ("display_data", "update_display_data")}
        self.assertEqual(1, len(ids), outs)
        content, outs = self.execute("updateDisplay(id, line(6));")
        data = [c["data"] for k, c in outs if k == "update_display_data"]
        self.assertEqual([False, True], ["image/png" in d for d in data], "a later cell settles its own updates")

    def test_interrupt_stops_an_infinite_java_loop(self):
        self.assertEqual("ok", self.execute("long spins = 0;")[0]["status"])
        msg_id = self.kc.execute("while (true) { spins++; }")
        self.wait_for_iopub(lambda m: m["msg_type"] == "execute_input" and m["parent_header"]["msg_id"] == msg_id)
        time.sleep(1)
        t0 = time.time()
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=30)
        print("interrupt of a Java loop answered after %.3f s" % (time.time() - t0))
        self.assertEqual(msg_id, reply["parent_header"]["msg_id"])
        self.assertEqual("error", reply["content"]["status"])
        self.assertEqual("Interrupted", reply["content"]["ename"])
        self.assertEqual("true", self.value("spins > 0"))
        self.assertEqual("42", self.value("6 * 7"))

    def test_interrupt_while_the_cell_compiles_stops_it_before_it_runs(self):
        # one statement that JShell compiles for a second or more; the interrupt lands before it runs
        body = "".join("spun += %d * spun + %d;\n" % (i, i) for i in range(600))
        self.assertEqual("ok", self.execute("long spun = 0;")[0]["status"])
        msg_id = self.kc.execute("{\n" + body + "while (true) { spun++; }\n}")
        self.wait_for_iopub(lambda m: m["msg_type"] == "execute_input" and m["parent_header"]["msg_id"] == msg_id)
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=60)
        self.assertEqual(msg_id, reply["parent_header"]["msg_id"])
        self.assertEqual("Interrupted", reply["content"]["ename"])
        self.assertEqual("0", self.value("spun"), "the snippet did not start")
        self.assertEqual("42", self.value("6 * 7"))

    def test_interrupt_stops_java_inside_a_cell_magic(self):
        msg_id = self.kc.execute("%%time\nwhile (true) { }")
        self.wait_for_iopub(lambda m: m["msg_type"] == "execute_input" and m["parent_header"]["msg_id"] == msg_id)
        time.sleep(1)
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=30)
        self.assertEqual(msg_id, reply["parent_header"]["msg_id"])
        self.assertEqual("Interrupted", reply["content"]["ename"])
        self.assertEqual("7", self.value("3 + 4"))

    def test_interrupt_stops_pretraining_and_keeps_the_model(self):
        data = tempfile.mkdtemp()
        for i, clip in enumerate(sorted(os.listdir(CLIPS))[:2]):
            os.makedirs(os.path.join(data, "c%d" % i))
            shutil.copy(os.path.join(CLIPS, clip), os.path.join(data, "c%d" % i, clip))
        msg_id = self.kc.execute("%%pretrain --config tiny --steps 100000 --batch 2 --data %s" % data)
        self.wait_for_iopub(lambda m: m["msg_type"] == "display_data" and m["parent_header"]["msg_id"] == msg_id,
                            timeout=300)
        t0 = time.time()
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=60)
        print("interrupt of %%pretrain answered after %.3f s" % (time.time() - t0))
        self.assertEqual(msg_id, reply["parent_header"]["msg_id"])
        self.assertEqual("error", reply["content"]["status"])
        self.assertEqual("Interrupted", reply["content"]["ename"])
        self.assertIn("%pretrain: interrupted", reply["content"]["evalue"])
        steps = int(self.value("pretrained.trainer().steps()"))
        self.assertGreater(steps, 0)
        self.assertLess(steps, 100000)
        self.assertEqual(str(steps), self.value("pretrained.history().size()"))
        shutil.rmtree(data)
