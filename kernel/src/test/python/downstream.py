"""The downstream magics through Jupyter's client: %finetune, %eval, %tag, %table5, with scikit-learn as the oracle
of the metrics and the written model folder read back."""
import json
import os
import tempfile
import time

import numpy as np
from sklearn.metrics import accuracy_score, average_precision_score, confusion_matrix, roc_auc_score

from kernelclient import KernelCase

GRID = '"batch=16;lr=1e-3;epochs=1;dropout=0.1"'
CLIP = "dataset:orchestral-siege-of-laurelmor-a"


def floats(text):
    return json.loads(text.replace("NaN", "null"))


class DownstreamMagicTests(KernelCase):
    def ok(self, code):
        content, outs = self.execute(code, timeout=1800)
        self.assertEqual("ok", content["status"], content)
        return outs

    def error(self, code):
        content, outs = self.execute(code)
        self.assertEqual("error", content["status"], content)
        self.assertNotIn("\n", content["evalue"])
        return content["evalue"]

    def test_1_finetune_eval_and_tag(self):
        self.assertIn("no pretrained model in the session", self.error("%finetune --task genre"))
        outs = self.ok("%finetune --task genre --model none --grid " + GRID)
        self.assertTrue(any("application/vnd.plotly.v1+json" in d for d in self.displays(outs)), "no loss curve / confusion figure")
        self.assertIn("kept grid point 1", self.stdout(outs))
        folder = self.value("finetuned.dir().toString()").strip('"')
        for f in ("config.json", "labels.txt", "model.safetensors", "validation.json"):
            self.assertTrue(os.path.isfile(os.path.join(folder, f)), f)
        labels = open(os.path.join(folder, "labels.txt")).read().split()
        self.assertEqual(5, len(labels))

        self.ok("%eval --split test")
        probs = np.array(floats(self.value(
            "java.util.Arrays.deepToString(finetuned.model().predict(finetuned.fold().reported().stream()"
            ".map(e -> e.frames()).toList()))")))
        truth = floats(self.value("java.util.Arrays.toString(finetuned.fold().reported().stream()"
                                  ".mapToInt(e -> e.classId()).toArray())"))
        self.assertEqual(20, len(truth))
        predicted = probs.argmax(axis=1)
        self.assertAlmostEqual(accuracy_score(truth, predicted), float(self.value("metrics.accuracy()")), places=12)
        counts = floats(self.value("java.util.Arrays.deepToString(metrics.confusion().counts())"))
        self.assertEqual(confusion_matrix(truth, predicted, labels=range(5)).tolist(), counts)

        outs = self.ok("%tag " + CLIP + " --top 3")
        bars = [d["application/vnd.plotly.v1+json"] for d in self.displays(outs) if "application/vnd.plotly.v1+json" in d]
        self.assertEqual(1, len(bars))
        self.assertEqual(3, len(bars[0]["data"][0]["y"]))
        p = np.array(floats(self.value("java.util.Arrays.toString(tags.probabilities())")))
        self.assertAlmostEqual(1.0, p.sum(), places=5)             # softmax over the 5 classes
        top = [labels[i] for i in np.argsort(-p, kind="stable")[:3]]
        self.assertEqual(top, [bars[0]["data"][0]["y"][2 - i] for i in range(3)])   # plotly draws the first bar at the bottom
        self.ok("%tag " + CLIP + " --model " + folder)             # the folder read back gives the same probabilities
        q = np.array(floats(self.value("java.util.Arrays.toString(tags.probabilities())")))
        np.testing.assert_allclose(p, q, rtol=0, atol=1e-6)

    def test_2_eval_of_npy_files_equals_scikit_learn(self):
        rng = np.random.default_rng(7)
        d = tempfile.mkdtemp()
        scores = rng.random((40, 6)).round(1)                        # ties included
        labels = rng.random((40, 6)) < 0.3
        labels[:, 5] = False                                         # a tag without positives
        np.save(os.path.join(d, "s.npy"), scores)
        np.save(os.path.join(d, "l.npy"), labels)
        content, outs = self.execute("%%eval --scores %s/s.npy --labels %s/l.npy --task tags" % (d, d))
        self.assertEqual("ok", content["status"], content)
        self.assertIn("1 tag(s) with no positive", "".join(c["text"] for k, c in outs if k == "stream" and c["name"] == "stderr"))
        self.assertAlmostEqual(roc_auc_score(labels[:, :5], scores[:, :5], average="macro"),
                               float(self.value("metrics.macroRocAuc()")), places=9)
        self.assertAlmostEqual(average_precision_score(labels[:, :5], scores[:, :5], average="macro"),
                               float(self.value("metrics.macroPrAuc()")), places=9)
        self.assertIn("--scores, --labels and --task go together", self.error("%%eval --scores %s/s.npy" % d))

    def test_3_table5_at_a_tiny_scale(self):
        out = tempfile.mkdtemp()
        outs = self.ok("%%table5 --pretrain-steps 2 --grid %s --seeds 2 --out %s" % (GRID, out))
        self.assertTrue(any("text/html" in d and "MusiCoder-Large" in d["text/html"] for d in self.displays(outs)))
        # the session's cache has no debian-music: the demo split, said in one line
        self.assertIn("corpus fetch debian-music", self.stdout(outs))
        # the hand-crafted baseline's line, then MusiCoder-Base and -Large, each over seeds 0 and 1
        self.assertEqual("3", self.value("table5.rowCount()"))
        self.assertEqual("[1, 2, 2]", self.value("table5.intColumn(\"n\").asList().toString()").strip('"'))
        with open(os.path.join(out, "table5.csv")) as f:
            rows = f.read().strip().split("\n")
        self.assertEqual(4, len(rows))
        self.assertIn("paper", rows[0])
        self.assertIn("Hand-crafted features + linear classifier", rows[1])
        self.assertIn("87.90 %", rows[1])
        self.assertIn("(n=2)", rows[2])
        for d in ("tiny-cfm+ccm-seed0", "tiny-cfm+ccm-seed1", "tiny-4-layers-cfm+ccm-seed1"):
            self.assertTrue(os.path.isfile(os.path.join(out, "pretrain", d, "model.safetensors")), d)

    def test_4_errors_help_and_completion(self):
        self.assertIn("no such file", self.error("%tag /no/such.wav"))
        self.assertIn("expected tags or genre", self.error("%eval --scores a.npy --labels b.npy --task colour"))
        self.assertIn("Usage: %finetune", self.stdout(self.ok("%finetune --help")))
        self.assertIn("Binds `table6`", self.stdout(self.ok("%table6 --help")))
        self.assertEqual({"genre", "tags"}, self.complete("%finetune --task "))
        self.assertIn("--grid", self.complete("%finetune --gr"))
        self.assertIn("validation", self.complete("%eval --split v"))

    def test_5_interrupt_stops_finetuning(self):
        msg_id = self.kc.execute('%finetune --task tags --model none --grid "batch=2;lr=1e-3;epochs=50;dropout=0.1"')
        self.wait_for_iopub(lambda m: m["msg_type"] == "update_display_data" and m["parent_header"]["msg_id"] == msg_id,
                            timeout=600)
        t0 = time.time()
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=120)
        print("interrupt of %%finetune answered after %.3f s" % (time.time() - t0))
        self.assertEqual(msg_id, reply["parent_header"]["msg_id"])
        self.assertEqual("Interrupted", reply["content"]["ename"])
        self.assertEqual("42", self.value("6 * 7"))
