"""The DSL's magics through Jupyter's client: --help, one-line errors, completion, results bound to variables."""
import csv
import math
import os
import struct
import tempfile
import wave

from kernelclient import KernelCase

ROOT = os.environ["MUSICODER_ROOT"]
LABELS = os.path.join(ROOT, "datasets/src/main/resources/org/musicoder/datasets/demo/labels.csv")


def demo_ids():
    with open(LABELS, newline="") as f:
        return [row["clip"] for row in csv.DictReader(f)]


def write_wav(path, samples, sr=44100):
    """A mono 16-bit WAV of a 440 Hz sine (Python's wave module)."""
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / sr)))
                               for i in range(samples)))


class MagicTests(KernelCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dir = tempfile.mkdtemp()
        cls.wav = os.path.join(cls.dir, "sine.wav")
        write_wav(cls.wav, 22050)

    def test_help_of_every_magic(self):
        content, outs = self.execute("%lsmagic")
        html = self.displays(outs)[0]["text/html"]
        for name in ("lsmagic", "help", "device", "dataset", "features", "mask", "pretrain", "pretrained", "finetune", "eval",
                     "tag", "table5", "table6", "time", "js", "maven", "jars", "classpath"):
            self.assertIn(name, html)
            content, outs = self.execute(("%%%%%s --help" if name in ("time", "js") else "%%%s --help") % name)
            self.assertEqual("ok", content["status"], name)
            self.assertTrue(self.stdout(outs).startswith("Usage: %"), self.stdout(outs))
        content, outs = self.execute("%help mask")
        self.assertIn("--seed", self.stdout(outs))

    def test_errors_are_one_line(self):
        self.assertIn("give a clip (PATH or dataset:ID), or --all", self.error("%features"))
        self.assertIn("--all takes no clip", self.error("%features --all " + self.wav))
        self.assertIn("unknown 'xyz'", self.error("%mask xyz"))
        self.assertIn("--steps must be >= 1", self.error("%pretrain --config tiny --steps 0"))
        self.assertIn("unknown name 'fast'", self.error("%pretrain --config tiny --schedule fast"))
        self.assertIn("no such file", self.error("%features /nonexistent.wav"))
        self.assertIn("no clip 'nope'", self.error("%features dataset:nope"))
        self.assertIn("no such magic", self.error("%nosuchmagic"))
        self.assertIn("Missing required option: '--task", self.error("%finetune"))
        self.assertIn("pooling 'max': expected mean or mean+std", self.error("%finetune --task genre --pooling max"))
        self.assertIn("no fine-tuned model in the session", self.error("%eval"))
        self.assertIn("no such file", self.error("%tag /nonexistent.wav"))
        self.assertIn("--pretrain-steps must be >= 1", self.error("%table5 --pretrain-steps 0"))
        self.assertIn("--folds must be >= 1", self.error("%table6 --folds 0"))
        self.assertIn("--seeds must be >= 1", self.error("%table6 --seeds 0"))
        self.assertIn("ReferenceError", self.error("%%js\nnoSuchName + 1"))

    def test_completion(self):
        self.assertEqual({"--seed"}, self.complete("%mask --se"))
        self.assertEqual({"cfm", "ccm", "cfm+ccm"}, self.complete("%mask c"))
        self.assertEqual({"tiny", "small", "base", "large"}, self.complete("%pretrain --config "))
        self.assertEqual({"%features"}, self.complete("%featu"))
        self.assertEqual({"dataset:" + i for i in demo_ids()}, self.complete("%features dataset:"))
        self.assertEqual({self.wav}, self.complete("%features " + self.wav[:-3]))
        self.assertEqual({"%%time"}, self.complete("%%ti"))
        self.assertEqual({"features", "finetune"}, self.complete("%help f"))
        self.assertEqual({"println("}, self.complete("%%time\nint n = 1;\nSystem.out.printl"))

    def test_inspect_shows_a_magics_usage(self):
        reply = self.shell_reply(self.kc.inspect("%mask cfm", cursor_pos=3))
        self.assertTrue(reply["content"]["found"])
        self.assertIn("--seed", reply["content"]["data"]["text/plain"])

    def test_features_mask_and_dataset_bind_variables(self):
        content, outs = self.execute("%%features %s --plot" % self.wav)
        self.assertEqual("ok", content["status"], content)
        shown = self.displays(outs)
        self.assertIn("log_cqt", shown[0]["text/html"])
        self.assertIn("application/vnd.plotly.v1+json", shown[1])
        # librosa's centred frames: 1 + samples // hop (1024)
        self.assertEqual("22x324", self.value("features.raw().length + \"x\" + features.raw()[0].length"))
        content, outs = self.execute("%mask cfm --seed 3")
        self.assertEqual("ok", content["status"], content)
        self.assertIn("application/vnd.plotly.v1+json", self.displays(outs)[0])
        # the paper's CFM budget: at least 15 % of the frames are chosen
        chosen = int(self.value("masked.masked().spans().stream().mapToInt(s -> s.length()).sum()"))
        self.assertGreaterEqual(chosen, math.ceil(0.15 * 22))
        self.assertEqual("true", self.value("masked.original() == features.cmvn()"))
        content, outs = self.execute("%dataset")
        self.assertEqual("ok", content["status"], content)
        self.assertEqual(str(len(demo_ids())), self.value("dataset.clips().size()"))

    def test_features_all_extracts_a_dataset_with_a_progress_bar(self):
        root = tempfile.mkdtemp()
        for label, name in (("a", "x1"), ("a", "x2"), ("b", "x3")):
            os.makedirs(os.path.join(root, label), exist_ok=True)
            write_wav(os.path.join(root, label, name + ".wav"), 11025)
        with open(os.path.join(root, "b", "bad.wav"), "wb") as f:  # a WAV header start, then no fmt chunk
            f.write(b"RIFF" + struct.pack("<I", 20) + b"WAVE" + b"junk" * 3)
        try:
            content, outs = self.execute("%dataset " + root)
            self.assertEqual("ok", content["status"], content)
            content, outs = self.execute("%features --all --threads 2")
            self.assertEqual("ok", content["status"], content)
            self.assertRegex(self.stdout(outs), r"features 4/4 \[#+\] [0-9.]+ clips/s in [0-9.]+ s, 1 failed")
            bars = [c for k, c in outs if k in ("display_data", "update_display_data") and "<progress" in
                    c["data"].get("text/html", "")]
            self.assertTrue(bars, outs)
            self.assertIn('value="4" max="4"', bars[-1]["data"]["text/html"])
            self.assertEqual("4", self.value("featuresTable.rowCount()"))
            self.assertEqual("33", self.value("(int) featuresTable.intColumn(\"frames\").sum()"))
            self.assertIn("bad.wav", self.value("featuresTable.where(featuresTable.intColumn(\"frames\")"
                                                ".isEqualTo(0)).stringColumn(\"error\").get(0)"))
        finally:
            self.execute("%dataset demo")

    def test_device_loads_djl_and_binds_the_device(self):
        content, outs = self.execute("%device cpu")
        self.assertEqual("ok", content["status"], content)
        self.assertIn("PyTorch", self.displays(outs)[0]["text/html"])
        self.assertEqual("cpu()", self.value("device.toString()"))

    def test_pretrained_loads_the_demo_encoder(self):
        self.assertIn("no model.safetensors there", self.error("%pretrained /nonexistent"))
        content, outs = self.execute("%pretrained demo")
        self.assertEqual("ok", content["status"], content)
        self.assertIn("loaded from demo", self.stdout(outs))
        self.assertEqual("true", self.value("pretrained.trainer() == null"))
        self.assertEqual("true", self.value(
            "pretrained.model().parameterCount() == pretrained.model().config().parameterCount()"))
        # the loaded model runs: 20 frames in, a 324-wide reconstruction out
        self.assertEqual("324", self.value(
            "org.musicoder.model.Inference.run(pretrained.model(), ai.djl.ndarray.NDManager.newBaseManager("
            "org.musicoder.model.Engines.PYTORCH), new float[20][324]).reconstruction()[0].length"))

    def test_time_cell_magic_runs_java(self):
        content, outs = self.execute("%%time\nint s = 0;\nfor (int i = 1; i <= 10; i++) s += i;\ns")
        self.assertEqual("ok", content["status"], content)
        self.assertIn("wall time:", self.stdout(outs))
        self.assertEqual("55", self.displays(outs)[0]["text/plain"])
