package org.passerelle.bench.matching;

import no.priv.garshol.duke.Cleaner;

/** The year of the first birth date of a column ({@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, {@code |}-separated). */
public final class YearCleaner implements Cleaner {
    @Override
    public String clean(String dates) {
        return dates.length() >= 4 ? dates.substring(0, 4) : "";
    }
}
