package org.musicoder.kernel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.musicoder.kernel.java.JavaSession;
import org.musicoder.kernel.magic.MagicCompleter;
import org.musicoder.kernel.magic.MagicRegistry;
import org.musicoder.kernel.magic.MagicRunner;
import org.musicoder.kernel.magic.Session;

/**
 * The MusiCoder Jupyter kernel: Java cells in an in-process JShell, magic lines of the DSL, rich display of
 * values. The sockets answer at once; JShell starts in the background and the first cell waits for it.
 */
public final class MusiCoderKernel extends BaseKernel {
    /** The kernel's version. */
    public static final String VERSION = "0.1.0";

    /** What every Java session imports first. */
    static final List<String> IMPORTS = List.of(
            "import java.util.*;", "import java.util.stream.*;", "import java.nio.file.*;", "import java.io.*;",
            "import org.musicoder.audio.AudioLoader;", "import org.musicoder.features.*;",
            "import org.musicoder.masking.*;", "import org.musicoder.model.*;", "import org.musicoder.pretrain.*;",
            "import org.musicoder.io.*;", "import org.musicoder.datasets.*;", "import org.musicoder.kernel.magic.*;",
            "import org.musicoder.kernel.view.*;", "import tech.tablesaw.api.*;", "import tech.tablesaw.plotly.components.*;",
            "import tech.tablesaw.plotly.traces.*;", "import static org.musicoder.kernel.Notebook.*;");

    private static volatile MusiCoderKernel current;

    private final CompletableFuture<JavaSession> java = new CompletableFuture<>();
    private final AtomicBoolean javaStarted = new AtomicBoolean();
    private final KernelIO kernelIO;
    private final String classPath;
    private final PrintStream log;
    private final Session session = Session.standard();
    private final MagicRunner magics;
    private final MagicCompleter magicCompleter;
    private final CellHistory history = new CellHistory();
    private final Display display;
    private volatile CellOutput output;

    /**
     * @param classPath the class path Java cells compile against (the kernel's own)
     */
    public MusiCoderKernel(String classPath) {
        this(classPath, new KernelIO());
    }

    private MusiCoderKernel(String classPath, KernelIO kernelIO) {
        super("musicoder", VERSION, languageInfo(), List.of(), null, kernelIO, new CommManager(), new Renderer(),
                null, null, false, new StringStyler.Builder().build());
        this.kernelIO = kernelIO;
        this.display = new Display(getRenderer());
        this.classPath = classPath;
        this.log = System.err;
        MagicRegistry registry = MagicRegistry.standard();
        magics = new MagicRunner(registry, session, display, this::java, log);
        magicCompleter = new MagicCompleter(registry, session);
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java").version(System.getProperty("java.specification.version"))
                .mimetype("text/x-java-source").fileExtension(".jshell").pygments("java").codemirror("text/x-java")
                .build();
    }

    /** The running kernel (cells call it through {@link Notebook}). */
    static MusiCoderKernel current() {
        MusiCoderKernel k = current;
        if (k == null) throw new IllegalStateException("no MusiCoder kernel is running in this JVM");
        return k;
    }

    /** The running cell's outputs. */
    CellOutput output() {
        CellOutput o = output;
        if (o == null) throw new IllegalStateException("no cell is running");
        return o;
    }

    /** How values are shown. */
    Display display() {
        return display;
    }

    /** Makes this the running kernel; JShell starts after the first kernel_info reply (see {@link #startJava()}). */
    @Override
    public void onStartup() {
        super.onStartup();
        current = this;
    }

    /**
     * Starts JShell in the background, once (the first cell waits for it). Called after the first kernel_info
     * reply, so that compiling JShell's start does not compete with the JVM's own start for the CPU.
     */
    void startJava() {
        if (!javaStarted.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            try {
                java.complete(JavaSession.start(classPath, IMPORTS));
            } catch (Throwable e) {
                java.completeExceptionally(e);
            }
        }, "java-session-start");
        t.setDaemon(true);
        t.start();
    }

    /** The Java session, once started (starting it now if no kernel_info came first). */
    JavaSession java() {
        startJava();
        try {
            return java.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the Java session did not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void onShutdown(boolean restarting) {
        if (java.isDone() && !java.isCompletedExceptionally()) java.join().close();
        current = null;
        super.onShutdown(restarting);
    }

    /** Stops the running cell: a magic at its next check (or abandoned after a grace), Java code at once. */
    @Override
    public void interrupt() {
        if (!magics.interrupt() && java.isDone() && !java.isCompletedExceptionally()) java.join().stop();
    }

    @Override
    public Object evalRaw(String source) {
        try {
            JavaSession.Value v = java().eval(source, 0);
            return v == null ? null : v.object();
        } catch (CellError e) {
            throw new IllegalStateException(e.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : executionCount.get();
        if (java.isDone() && !java.isCompletedExceptionally()) java.join().newCell();
        env.setBusyDeferIdle();
        if (!silent) env.publish(new PublishExecuteInput(request.getCode(), count));
        replaceOutputStreams(env);
        kernelIO.attach(env, request.isStdinEnabled());
        env.defer(() -> kernelIO.detach(env));
        CellOutput out = new CellOutput(env, io.out, io.err);
        output = out;
        try {
            magics.settle(out);
            String topic = pagerTopic(request.getCode());
            if (topic != null) {
                page(env, out, count, topic);
                if (store) history.add(count, request.getCode(), null);
                return;
            }
            JavaSession.Value value = new CellRunner(magics, this::java).run(request.getCode(), count, out);
            settle(out);
            DisplayData result = value == null ? null : display.render(value.object());
            out.close();
            if (result != null && !silent) env.publish(new PublishExecuteResult(count, result));
            if (store) history.add(count, request.getCode(), result == null ? null : String.valueOf(result.getData(MIMEType.TEXT_PLAIN)));
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (CellError e) {
            replyError(env, out, count, e);
            if (store) history.add(count, request.getCode(), null);
        } catch (RuntimeException e) {
            e.printStackTrace(log);
            replyError(env, out, count, new CellError("KernelError", e.getMessage() == null ? e.toString() : e.getMessage()));
            if (store) history.add(count, request.getCode(), null);
        } finally {
            output = null;
        }
    }

    /** Sends live figures' last states with their static images ({@link Display#settle}); a failure is logged. */
    private void settle(CellOutput out) {
        try {
            display.settle(out);
        } catch (RuntimeException e) {
            e.printStackTrace(log);
        }
    }

    /** {@code X?} or {@code ?X} on one line: the topic X to show in the pager, else null. */
    static String pagerTopic(String code) {
        String c = code.strip();
        if (c.contains("\n") || c.length() < 2) return null;
        if (c.endsWith("?")) return c.substring(0, c.length() - 1).strip();
        if (c.startsWith("?")) return c.substring(1).strip();
        return null;
    }

    /** Replies to {@code X?} with the documentation of X as a pager payload (Jupyter's help pane). */
    private void page(ShellReplyEnvironment env, CellOutput out, int count, String topic) throws CellError {
        String text = topic.startsWith("%") ? magics.usage(topic) : java().inspect(topic, topic.length(), true);
        if (text == null) throw new CellError("NotFound", "nothing known about " + topic);
        out.close();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("source", "page");
        page.put("data", Map.of("text/plain", text));
        page.put("start", 0);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("execution_count", count);
        fields.put("payload", List.of(page));
        fields.put("user_expressions", Map.of());
        env.defer();
        Replies.ok(env, MessageType.EXECUTE_REPLY, fields);
    }

    private void replyError(ShellReplyEnvironment env, CellOutput out, int count, CellError e) {
        settle(out);
        out.close();
        env.publish(new PublishError(e.name(), e.getMessage(), e.traceback()));
        ErrorReply reply = new ErrorReply(e.name(), e.getMessage(), e.traceback());
        reply.setExecutionCount(count);
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean detail) {
        String line = CellRunner.lineAt(code, at);
        String text = line.startsWith("%") ? magics.usage(line) : java().inspect(code, at, detail);
        return text == null ? null : new DisplayData(text);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (at > 0 && code.charAt(at - 1) == '\n') lineStart = at;
        String line = CellRunner.lineAt(code, at);
        int firstLineEnd = code.indexOf('\n');
        JavaSession.Completions c;
        if (code.startsWith("%%") && firstLineEnd >= 0 && at > firstLineEnd) {
            String name = CellRunner.nameAndArgs(code.substring(2, firstLineEnd))[0];
            JavaSession.Completions b = magics.completeBody(name, code.substring(firstLineEnd + 1), at - firstLineEnd - 1);
            c = b == null ? new JavaSession.Completions(List.of(), at, at)
                    : new JavaSession.Completions(b.matches(), b.start() + firstLineEnd + 1, b.end() + firstLineEnd + 1);
        } else {
            c = line.startsWith("%") ? magicCompleter.complete(line, lineStart, at - lineStart) : java().complete(code, at);
        }
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        if (code.strip().startsWith("%")) return IS_COMPLETE_YES;
        String status = java().isComplete(code);
        return status.equals("incomplete") ? "    " : status;
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("protocol_version", Header.PROTOCOL_VERISON);
        info.put("implementation", getName());
        info.put("implementation_version", getVersion());
        info.put("language_info", getLanguageInfo());
        info.put("banner", "MusiCoder " + VERSION + " :: Java " + System.getProperty("java.version")
                + " (JShell in the kernel) :: %lsmagic lists the magics");
        info.put("help_links", List.of());
        Replies.ok(env, MessageType.KERNEL_INFO_REPLY, info);
        startJava();
    }

    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        boolean restart = message.getContent().isRestart();
        env.setBusyDeferIdle();
        env.defer();
        Replies.ok(env, MessageType.SHUTDOWN_REPLY, Map.of("restart", restart));
        onShutdown(restart);
        env.resolveDeferrals();
        env.markForShutdown();
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        interrupt();
        Replies.ok(env, MessageType.INTERRUPT_REPLY, Map.of());
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest r = message.getContent();
        env.setBusyDeferIdle();
        boolean out = r.includeOutput();
        List<Object> entries = switch (r.getAccessType()) {
            case TAIL -> history.tail(((HistoryRequest.Tail) r).getMaxReturnLength(), out);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) r;
                yield history.range(range.getSessionIndex(), range.getStart(), range.getStop(), out);
            }
            case SEARCH -> {
                HistoryRequest.Search s = (HistoryRequest.Search) r;
                yield history.search(s.getPattern(), s.getMaxReturnLength(), s.filterUnique(), out);
            }
        };
        Replies.ok(env, MessageType.HISTORY_REPLY, Map.of("history", new ArrayList<>(entries)));
    }
}
