package org.musicoder.audio.vorbis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * JOrbis instances that decode in parallel. JOrbis 0.0.17 keeps decoding state in static fields guarded by
 * class-wide locks ({@code Mapping0.inverse} on one shared instance, {@code Residue0}'s static synchronized
 * methods), so two threads decoding two files take turns. Each {@link Lease} here is a {@link JOrbisSynthesis}
 * whose JOrbis classes come from a class loader that no other running lease uses; loaders are reused once
 * released, so there are as many as decodes ever ran at once (each holds about 40 small classes).
 */
public final class JOrbisPool {
    private static final String IMPL = "org.musicoder.audio.vorbis.JOrbisSynthesis";
    private static final ConcurrentLinkedQueue<Constructor<?>> FREE = new ConcurrentLinkedQueue<>();

    private JOrbisPool() {}

    /** A fresh {@link Synthesis} whose JOrbis no other open lease shares; close it to give the loader back. */
    public static Lease lease() {
        Constructor<?> c = FREE.poll();
        if (c == null) c = isolatedConstructor();
        try {
            return new Lease(c, (Synthesis) c.newInstance());
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            FREE.offer(c);
            throw new IllegalStateException("cannot create a JOrbis decoder", e);
        }
    }

    private static Constructor<?> isolatedConstructor() {
        try {
            return Class.forName(IMPL, true, new Isolating(JOrbisPool.class.getClassLoader())).getConstructor();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load JOrbis in its own class loader", e);
        }
    }

    /** One decode's use of an isolated JOrbis. */
    public static final class Lease implements AutoCloseable {
        private final Constructor<?> constructor;
        private final Synthesis synthesis;
        private boolean closed;

        private Lease(Constructor<?> constructor, Synthesis synthesis) {
            this.constructor = constructor;
            this.synthesis = synthesis;
        }

        public Synthesis synthesis() {
            return synthesis;
        }

        /** Gives the class loader back to the pool; the synthesis must not be used afterwards. */
        @Override
        public void close() {
            if (closed) return;
            closed = true;
            FREE.offer(constructor);
        }
    }

    /** Defines JOrbis and {@link JOrbisSynthesis} itself; everything else (jogg, the JDK) comes from the parent. */
    private static final class Isolating extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        Isolating(ClassLoader parent) {
            super("jorbis-isolated", parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("com.jcraft.jorbis.") && !name.equals(IMPL)) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) c = findClass(name);
                if (resolve) resolveClass(c);
                return c;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String resource = name.replace('.', '/') + ".class";
            try (InputStream in = getParent().getResourceAsStream(resource)) {
                if (in == null) throw new ClassNotFoundException(name);
                byte[] b = in.readAllBytes();
                return defineClass(name, b, 0, b.length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }
}
