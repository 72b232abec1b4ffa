package org.passerelle.matching.score;

import java.util.Map;

/**
 * How much a value says about identity: its self-information in bits in the registry, log2(N / records holding it).
 * "Mohamed" is held by one man in seven and says under 3 bits; a rare family name says 15 or more; being born in
 * Casablanca says about 2 bits, in Ifrane about 7.
 */
public interface RegistryFrequencies {
    /** Bits of a unit key; unseen keys count as held by one record. */
    double bits(String key);

    /** Records in the registry counted. */
    long records();

    /** log2 of the registry size: a name with at least this many bits is expected to be unique in the registry. */
    default double uniquenessBits() {
        return log2(Math.max(2, records()));
    }

    /**
     * Bits of a place of birth as the registry writes it ({@link org.passerelle.matching.normalize.Places.Spelling#term()}).
     * NaN where places are not counted, or this one not at all: the place then weighs by its level alone.
     */
    default double placeBits(String place) {
        return Double.NaN;
    }

    /** Frequencies from counts of records per key, for registries held in memory. */
    static RegistryFrequencies ofCounts(Map<String, Integer> recordsPerKey, long records) {
        return new RegistryFrequencies() {
            @Override
            public double bits(String key) {
                return fromCount(recordsPerKey.getOrDefault(key, 0), records);
            }

            @Override
            public long records() {
                return records;
            }
        };
    }

    /** Bits of a key held by {@code count} of {@code records} records, at least a quarter bit. */
    static double fromCount(long count, long records) {
        return Math.max(0.25, log2((double) Math.max(2, records) / Math.max(1, count)));
    }

    /** Base-2 logarithm: evidence and rarity are counted in bits throughout scoring. */
    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
