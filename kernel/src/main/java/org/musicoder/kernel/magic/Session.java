package org.musicoder.kernel.magic;

import java.io.IOException;
import java.nio.file.Path;
import org.musicoder.cli.Cache;

/** What the magics keep between cells: the cache folder, the selected dataset, the last trained model. */
public final class Session {
    private final Path cache;
    private DatasetChoice dataset;
    private Pretrained pretrained;
    private FineTuned finetuned;
    private JsBridge js;
    private String device = "cpu";
    private ClipMatrix lastFeatures;

    /** @param cache the cache folder ({@code features/} and {@code demo-clips/} below it) */
    public Session(Path cache) {
        this.cache = cache;
    }

    /** A session on the command line's default cache folder ({@code $MUSICODER_CACHE}, ...). */
    public static Session standard() {
        return new Session(Cache.defaultDir());
    }

    /** The cache folder. */
    public Path cache() {
        return cache;
    }

    /** The selected dataset (the demo corpus until {@code %dataset} chooses another). */
    public synchronized DatasetChoice dataset() throws IOException {
        if (dataset == null) dataset = DatasetChoice.demo(cache);
        return dataset;
    }

    synchronized void dataset(DatasetChoice d) {
        dataset = d;
    }

    /** The device magics train on: {@code cpu} or {@code gpu} ({@code %device} sets it). */
    public synchronized String device() {
        return device;
    }

    synchronized void device(String d) {
        device = d;
    }

    /** The clip {@code %features} read last (null before); {@code %mask} uses it by default. */
    public synchronized ClipMatrix lastFeatures() {
        return lastFeatures;
    }

    synchronized void lastFeatures(ClipMatrix m) {
        lastFeatures = m;
    }

    /** The last model {@code %pretrain} trained (null before). */
    public synchronized Pretrained pretrained() {
        return pretrained;
    }

    /** Keeps a newly trained model, freeing the one it replaces. */
    synchronized void pretrained(Pretrained p) {
        if (pretrained != null && pretrained != p) pretrained.close();
        pretrained = p;
    }

    /** The last model {@code %finetune} fine-tuned (null before). */
    public synchronized FineTuned finetuned() {
        return finetuned;
    }

    /** Keeps a newly fine-tuned model, freeing the one it replaces. */
    synchronized void finetuned(FineTuned f) {
        if (finetuned != null && finetuned != f) finetuned.close();
        finetuned = f;
    }

    /** The session's JavaScript ({@code %%js}): made on first use, GraalVM started on the first JS cell. */
    public synchronized JsBridge js() {
        if (js == null) js = new JsBridge();
        return js;
    }

    /** The JavaScript mode for {@code %device} and {@code %lsmagic}: not started, interpreter or optimizing. */
    public synchronized String jsMode() {
        return js == null ? org.musicoder.kernel.js.JsMode.NOT_STARTED.label() : js.mode().label();
    }
}
