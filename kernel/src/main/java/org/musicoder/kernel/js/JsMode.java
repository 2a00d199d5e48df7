package org.musicoder.kernel.js;

/** How the JS engine runs, for {@code %device} and {@code %lsmagic}. */
public enum JsMode {
    /** No JS has run yet: GraalVM is not loaded. */
    NOT_STARTED("not started"),
    /** Truffle's fallback runtime: JS is interpreted (any JDK without JVMCI and a Graal compiler, e.g. JDK 17). */
    INTERPRETER("interpreter"),
    /** Truffle's optimizing runtime: hot JS is compiled to machine code by the Graal compiler through JVMCI. */
    OPTIMIZING("optimizing (Graal compiler via JVMCI)");

    private final String label;

    JsMode(String label) {
        this.label = label;
    }

    /** A short human-readable description, e.g. {@code "interpreter"}. */
    public String label() {
        return label;
    }
}
