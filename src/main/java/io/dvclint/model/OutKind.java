package io.dvclint.model;

/** Which list of a stage an output is declared in. */
public enum OutKind {
    OUTS("outs"), METRICS("metrics"), PLOTS("plots");

    private final String key;

    OutKind(String key) {
        this.key = key;
    }

    /** The dvc.yaml key of the list. */
    public String key() {
        return key;
    }
}
