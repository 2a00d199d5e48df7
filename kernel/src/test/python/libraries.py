"""%maven, %jars and %classpath through Jupyter's client: artifacts resolved from Maven Central into a fresh local
repository (so they are downloaded), the kernel's own versions kept, local jars, one-line errors."""
import os
import shutil
import subprocess
import tempfile
import zipfile

from kernelclient import KernelCase

# commons-text 1.12.0 depends on commons-lang3 3.14.0 at runtime (its POM); the kernel has neither
TEXT = "org.apache.commons:commons-text:1.12.0"
LANG3 = "org.apache.commons:commons-lang3:3.14.0"
# the kernel itself has commons-csv (Tablesaw's), at another version
OLD_CSV = "org.apache.commons:commons-csv:1.10.0"


class LibraryTests(KernelCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dir = tempfile.mkdtemp()
        cls.repo = os.path.join(cls.dir, "m2")

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def ok(self, code):
        content, outs = self.execute(code, timeout=300)
        self.assertEqual("ok", content["status"], (content, outs))
        return self.stdout(outs), outs

    def error(self, code):
        return super().error(code, timeout=300)

    def test_maven_adds_artifact_and_runtime_dependencies(self):
        out, _ = self.ok("%%maven --local-repository %s %s" % (self.repo, TEXT))
        self.assertIn("downloaded commons-text-1.12.0.jar from central", out)
        self.assertIn("downloaded commons-lang3-3.14.0.jar from central", out)
        self.assertIn("added " + TEXT, out)
        self.assertIn("added " + LANG3, out)
        for path in ("org/apache/commons/commons-text/1.12.0/commons-text-1.12.0.jar",
                     "org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar"):
            self.assertTrue(os.path.isfile(os.path.join(self.repo, path)), path)
        self.assertIn("Masked Frames", self.value('org.apache.commons.text.WordUtils.capitalizeFully("masked frames")'))
        self.assertIn("MFC", self.value('org.apache.commons.lang3.StringUtils.reverse("CFM")'))
        # again: nothing downloaded, nothing added twice
        out, _ = self.ok("%%maven --local-repository %s %s" % (self.repo, TEXT))
        self.assertNotIn("downloaded", out)
        self.assertIn(TEXT + " is already on the class path", out)
        out, outs = self.ok("%classpath")
        html = "".join(d.get("text/html", "") for d in self.displays(outs))
        self.assertIn("commons-text-1.12.0.jar", html)
        self.assertIn(LANG3, html)

    def test_kernel_keeps_its_own_version(self):
        out, _ = self.ok("%%maven --local-repository %s %s" % (self.repo, OLD_CSV))
        self.assertIn("warning: kept the kernel's org.apache.commons:commons-csv:", out)
        self.assertIn(OLD_CSV + " (commons-csv-1.10.0.jar) is not added", out)
        where = self.value("org.apache.commons.csv.CSVFormat.class.getProtectionDomain().getCodeSource()"
                           ".getLocation().toString()")
        self.assertIn("commons-csv", where)
        self.assertNotIn("1.10.0", where)

    def test_jars_adds_local_jars(self):
        src = os.path.join(self.dir, "src", "greet")
        os.makedirs(src)
        with open(os.path.join(src, "Greeter.java"), "w") as f:
            f.write("package greet;\npublic class Greeter {\n"
                    "    public static String hello(String who) { return \"hello \" + who; }\n}\n")
        classes = os.path.join(self.dir, "classes")
        subprocess.run(["javac", "--release", "17", "-d", classes, os.path.join(src, "Greeter.java")], check=True)
        lib = os.path.join(self.dir, "lib")
        os.makedirs(lib)
        with zipfile.ZipFile(os.path.join(lib, "greeter.jar"), "w") as z:
            z.write(os.path.join(classes, "greet", "Greeter.class"), "greet/Greeter.class")
        out, _ = self.ok("%%jars %s/*.jar" % lib)
        self.assertIn("added greeter.jar", out)
        self.assertIn("hello jars", self.value('greet.Greeter.hello("jars")'))
        out, outs = self.ok("%classpath --all")
        html = "".join(d.get("text/html", "") for d in self.displays(outs))
        self.assertIn("greeter.jar", html)
        self.assertIn("kernel", html)

    def test_errors_are_one_line_and_the_kernel_keeps_working(self):
        self.assertIn("bad coordinate 'commons-text': expected group:artifact:version", self.error("%maven commons-text"))
        missing = self.error("%%maven --local-repository %s org.musicoder:no-such-artifact:0.0.1" % self.repo)
        self.assertIn("org.musicoder:no-such-artifact", missing)
        self.assertIn("central", missing)
        empty = os.path.join(self.dir, "empty-m2")
        offline = self.error("%%maven --offline --local-repository %s %s" % (empty, TEXT))
        self.assertIn("commons-text", offline)
        self.assertIn("offline", offline)
        self.assertIn("no such file or folder: /no/such.jar", self.error("%jars /no/such.jar"))
        self.assertIn("no file matches", self.error("%%jars %s/*.nothing" % self.dir))
        text = os.path.join(self.dir, "notes.jar")
        with open(text, "w") as f:
            f.write("not a zip")
        self.assertIn("not a jar (zip) file", self.error("%%jars %s" % text))
        self.assertEqual("2", self.value("1 + 1"))
