package org.musicoder.kernel.js;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A class loader probe: defines this package's classes itself (from the test class path) and records every class
 * name they ask for, delegating everything else to the test's loader. Shows which classes a JsSession touches.
 */
final class RecordingLoader extends ClassLoader {
    private static final String OWN = "org.musicoder.kernel.js.";
    private final List<String> requested = new CopyOnWriteArrayList<>();

    RecordingLoader() {
        super(RecordingLoader.class.getClassLoader());
    }

    /** Every name asked of this loader so far, in order. */
    List<String> requested() {
        return requested;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        requested.add(name);
        if (!name.startsWith(OWN)) return super.loadClass(name, resolve);
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) c = defineOwn(name);
            if (resolve) resolveClass(c);
            return c;
        }
    }

    private Class<?> defineOwn(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) throw new ClassNotFoundException(name);
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
