package org.musicoder.masking;

/** Which pretraining objective masks the input (the command line's {@code --objective}). */
public enum Objective {
    /** Contiguous frames masking only. */
    CFM("cfm"),
    /** Contiguous channels masking only. */
    CCM("ccm"),
    /** Both: CFM first (RANDOM spans copy original frames), then CCM zeroes its block on every unpadded frame,
     *  replaced ones included; the loss mask is the union of both. */
    CFM_CCM("cfm+ccm");

    private final String name;

    Objective(String name) {
        this.name = name;
    }

    /**
     * @param name {@code cfm}, {@code ccm} or {@code cfm+ccm}
     * @return the objective
     */
    public static Objective parse(String name) {
        for (Objective o : values()) {
            if (o.name.equals(name)) return o;
        }
        throw new IllegalArgumentException("objective: unknown '" + name + "', expected cfm, ccm or cfm+ccm");
    }

    /** @return whether CFM is applied */
    public boolean frames() {
        return this != CCM;
    }

    /** @return whether CCM is applied */
    public boolean channels() {
        return this != CFM;
    }

    @Override
    public String toString() {
        return name;
    }
}
