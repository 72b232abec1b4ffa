package org.passerelle.matching.score;

/** What a score means for the officer reading it; spelled as in the MATCHES.csv contract. */
public enum Decision {
    MATCH("match"), POSSIBLE("possible"), NO_MATCH("no-match");

    private final String csv;

    Decision(String csv) {
        this.csv = csv;
    }

    public String csv() {
        return csv;
    }
}
