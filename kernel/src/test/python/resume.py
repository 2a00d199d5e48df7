"""%pretrain with a run folder: killed with SIGKILL, a new kernel's --resume repeats the uninterrupted run's losses;
corrupt run and model folders give one line and change nothing."""
import hashlib
import os
import shutil
import signal
import tempfile
import time
import unittest

from jupyter_client.manager import start_new_kernel

from kernelclient import KernelCase

ROOT = os.environ["MUSICODER_ROOT"]
CLIPS = os.path.join(ROOT, "datasets/src/main/resources/org/musicoder/datasets/demo/clips")
RECIPE = "--config tiny --steps 10 --batch 2 --checkpoint-every 4 --seed 3"


def losses(folder):
    """(step, loss) of each line of a run's log, without the times."""
    out = []
    for line in open(os.path.join(folder, "log.jsonl")):
        step = int(line.split('"step":')[1].split(",")[0])
        loss = line.split('"loss":')[1].split(",")[0]
        out.append((step, loss))
    return out


def digests(folder):
    return {f: hashlib.sha256(open(os.path.join(folder, f), "rb").read()).hexdigest() for f in sorted(os.listdir(folder))}


class ResumeTests(KernelCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp()
        cls.data = os.path.join(cls.tmp, "data")
        for i, clip in enumerate(sorted(os.listdir(CLIPS))[:2]):
            os.makedirs(os.path.join(cls.data, "c%d" % i))
            shutil.copy(os.path.join(CLIPS, clip), os.path.join(cls.data, "c%d" % i, clip))

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.tmp)

    def pretrain(self, args):
        content, outs = self.execute("%pretrain " + args + " --data " + self.data, timeout=600)
        self.assertEqual("ok", content["status"], (content, outs))
        return outs

    def test_a_killed_kernels_run_resumes_in_a_new_kernel_with_the_same_losses(self):
        straight = os.path.join(self.tmp, "straight")
        self.pretrain(RECIPE + " --out " + straight)
        self.assertEqual(list(range(1, 11)), [s for s, _ in losses(straight)])

        killed = os.path.join(self.tmp, "killed")
        km, kc = start_new_kernel(kernel_name="musicoder", startup_timeout=60)
        try:
            kc.execute("%pretrain " + RECIPE + " --out " + killed + " --data " + self.data)
            log = os.path.join(killed, "log.jsonl")
            end = time.time() + 600
            while time.time() < end and not (os.path.exists(log) and len(open(log).readlines()) >= 5):
                time.sleep(0.05)
            os.kill(km.provisioner.process.pid, signal.SIGKILL)
            km.provisioner.process.wait(timeout=30)
        finally:
            kc.stop_channels()
            km.cleanup_resources()
        logged = len(open(log).readlines())
        self.assertGreaterEqual(logged, 5)
        self.assertLess(logged, 8, "killed between the checkpoints of steps 4 and 8")
        self.assertEqual(losses(straight)[:logged], losses(killed))

        outs = self.pretrain("--out " + killed + " --resume --steps 10")
        self.assertIn("resuming " + os.path.join(killed, "checkpoint.safetensors") + " at step 4", self.stdout(outs))
        self.assertEqual(losses(straight), losses(killed))
        self.assertEqual(digests(straight)["model.safetensors"], digests(killed)["model.safetensors"])
        self.assertEqual("6", self.value("pretrained.history().size()"))
        self.assertEqual("10", self.value("pretrained.curve().size()"), "the curve holds the earlier steps too")

    def test_a_new_run_does_not_overwrite_a_run_folder(self):
        run = os.path.join(self.tmp, "kept")
        self.pretrain("--config tiny --steps 2 --batch 2 --out " + run)
        before = digests(run)
        self.assertIn("already holds a checkpoint", self.error("%pretrain --config tiny --steps 2 --out " + run))
        self.assertIn("--resume: the checkpoint was made with --seed 0",
                      self.error("%pretrain --out " + run + " --resume --steps 4 --seed 9 --data " + self.data))
        self.assertIn("--resume needs --out", self.error("%pretrain --resume --steps 4"))
        self.assertEqual(before, digests(run))

    def test_a_corrupt_checkpoint_gives_one_line_and_changes_nothing(self):
        run = os.path.join(self.tmp, "corrupt")
        self.pretrain("--config tiny --steps 2 --batch 2 --out " + run)
        path = os.path.join(run, "checkpoint.safetensors")
        whole = open(path, "rb").read()
        for name, data in (("truncated", whole[:len(whole) // 2]), ("empty", b""),
                           ("bad header", whole[:8] + b"{" * 16 + whole[24:])):
            with open(path, "wb") as f:
                f.write(data)
            before = digests(run)
            line = self.error("%pretrain --out " + run + " --resume --steps 4 --data " + self.data)
            self.assertIn(path + ": not a float32 safetensors file", line, name)
            self.assertEqual(before, digests(run), name)

    def test_a_corrupt_model_folder_gives_tag_one_line(self):
        folder = os.path.join(self.tmp, "model")
        os.makedirs(folder)
        with open(os.path.join(folder, "model.safetensors"), "wb") as f:
            f.write(b"\x10\x00\x00\x00\x00\x00\x00\x00{\"a\": 1}")
        with open(os.path.join(folder, "labels.txt"), "wb") as f:
            f.write(b"rock\n\xff\xfepop\n")
        clip = os.path.join(CLIPS, sorted(os.listdir(CLIPS))[0])
        self.assertIn(os.path.join(folder, "labels.txt") + ": not UTF-8 text",
                      self.error("%tag --model " + folder + " " + clip))
        with open(os.path.join(folder, "labels.txt"), "w") as f:
            f.write("rock\npop\n")
        self.assertIn(os.path.join(folder, "model.safetensors") + ": not a float32 safetensors file",
                      self.error("%tag --model " + folder + " " + clip))


if __name__ == "__main__":
    unittest.main()
