package org.musicoder.kernel.magic;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The one place where the magics are registered: name, line or cell, and how to make one. Line magics are called
 * as {@code %name}, cell magics as {@code %%name}; both kinds share the name space.
 */
public final class MagicRegistry {
    /**
     * A registered magic.
     *
     * @param name    its name (without {@code %})
     * @param factory makes a fresh instance for each call (picocli fills its fields)
     */
    public record Entry(String name, Supplier<Magic> factory) {
        /** A fresh instance. */
        public Magic create() {
            return factory.get();
        }

        /** Whether it is a cell magic. */
        public boolean isCell() {
            return create().isCell();
        }

        /** A picocli command line for a fresh instance, named as registered. */
        public CommandLine commandLine(Magic instance) {
            CommandLine cl = new CommandLine(instance);
            cl.setCommandName((instance.isCell() ? "%%" : "%") + name);
            return cl;
        }

        /** The first line of its description, as its usage shows it ({@code %%} read as {@code %}). */
        public String summary() {
            String[] d = commandLine(create()).getCommandSpec().usageMessage().description();
            return d.length == 0 ? "" : d[0].replace("%%", "%");
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** The DSL's magics, in the order {@code %lsmagic} lists them. */
    public static MagicRegistry standard() {
        MagicRegistry r = new MagicRegistry();
        r.add("lsmagic", () -> new LsMagic(r));
        r.add("help", () -> new HelpMagic(r));
        r.add("device", DeviceMagic::new);
        r.add("dataset", DatasetMagic::new);
        r.add("features", FeaturesMagic::new);
        r.add("mask", MaskMagic::new);
        r.add("pretrain", PretrainMagic::new);
        r.add("pretrained", PretrainedMagic::new);
        r.add("finetune", FinetuneMagic::new);
        r.add("eval", EvalMagic::new);
        r.add("tag", TagMagic::new);
        r.add("table5", Table5Magic::new);
        r.add("table6", Table6Magic::new);
        r.add("time", TimeMagic::new);
        r.add("js", JsMagic::new);
        r.add("maven", MavenMagic::new);
        r.add("jars", JarsMagic::new);
        r.add("classpath", ClasspathMagic::new);
        return r;
    }

    /**
     * Registers a magic (a later call with the same name replaces it).
     *
     * @param name    its name
     * @param factory makes a fresh instance
     */
    public void add(String name, Supplier<Magic> factory) {
        entries.put(name, new Entry(name, factory));
    }

    /** The magic named {@code name}, or null. */
    public Entry get(String name) {
        return entries.get(name);
    }

    /** All magics in registration order. */
    public Collection<Entry> all() {
        return entries.values();
    }
}
