"""The Jupyter project's kernel conformance suite (Debian's python3-jupyter-kernel-test) with Java snippets."""
import jupyter_kernel_test


class MusiCoderKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "musicoder"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the suite waits 15 s per reply; JShell starts after the first kernel_info reply and may take longer than
        # that on a busy machine, so wait for it once here
        cls.kc.execute_interactive("int warmUp = 1;", timeout=300)
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "Math.ab", "matches": {"abs(", "absExact("}},
        {"text": "%lsmag", "matches": {"%lsmagic"}},
        {"text": "%pretrain --conf", "matches": {"--config"}},
    ]

    complete_code_samples = ["1 + 1", "int x = 3;", "void f() { }", "%lsmagic"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int[] a = {1, 2,", "String s = \"a\" +"]
    invalid_code_samples = ["int x = );", "}"]

    code_page_something = "Math.max?"

    code_generate_error = "throw new IllegalStateException(\"broken\");"

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "\"abc\".length()", "result": "3"},
        {"code": "List.of(1, 2, 3)", "result": "[1, 2, 3]"},
        {"code": "new int[][] {{1, 2}, {3, 4}}", "mime": "text/plain"},
        {"code": "Table.create(\"t\", IntColumn.create(\"a\", new int[] {1, 2}))", "mime": "text/html"},
        {"code": "new Figure(Layout.builder().title(\"f\").build(),"
                 " ScatterTrace.builder(new double[] {1, 2}, new double[] {3, 4}).build())",
         "mime": "application/vnd.plotly.v1+json"},
    ]

    code_display_data = [
        {"code": "display(Table.create(\"t\", IntColumn.create(\"a\", new int[] {1, 2})));", "mime": "text/html"},
        {"code": "display(\"some text\");", "mime": "text/plain"},
    ]

    code_history_pattern = "6 * ?"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = "clearOutput();"
