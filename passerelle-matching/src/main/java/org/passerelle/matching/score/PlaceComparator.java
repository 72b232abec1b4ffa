package org.passerelle.matching.score;

import java.util.Optional;

import org.passerelle.matching.normalize.BridgeKey;
import org.passerelle.matching.normalize.Places;

/**
 * Compares places of birth: through the gazetteer when it knows both (Tanger = Tangier = طنجة), else by bridge
 * keys, one typo allowed for "similar". The same place weighs by how many in the registry were born there.
 */
public final class PlaceComparator {
    private PlaceComparator() {
    }

    public static FieldOutcome compare(Places.Spelling query, Places.Spelling candidate, RegistryFrequencies frequencies) {
        String queryKey = query.key();
        String candidateKey = candidate.key();
        if (queryKey.isEmpty() || candidateKey.isEmpty()) {
            return new FieldOutcome(Field.BIRTH_PLACE, Field.MISSING, "");
        }
        Optional<Places.Place> queryPlace = query.place();
        Optional<Places.Place> candidatePlace = candidate.place();
        if (queryPlace.isPresent() && candidatePlace.isPresent()) {
            return queryPlace.equals(candidatePlace) ? same(candidate, frequencies)
                    : new FieldOutcome(Field.BIRTH_PLACE, 2, "");
        }
        if (queryKey.equals(candidateKey)) {
            return same(candidate, frequencies);
        }
        boolean similar = Math.min(queryKey.length(), candidateKey.length()) >= 3
                && BridgeKey.distance(queryKey, candidateKey) == 1;
        return new FieldOutcome(Field.BIRTH_PLACE, similar ? 1 : 2, "");
    }

    /**
     * The same place, weighed by how many in the registry were born there, counted under the candidate's own term:
     * the query's may be a bare key that the gazetteer could not resolve (JD is both Oujda and El Jadida).
     */
    private static FieldOutcome same(Places.Spelling place, RegistryFrequencies frequencies) {
        String term = place.term().orElseThrow();
        return new FieldOutcome(Field.BIRTH_PLACE, 0, term, frequencies.placeBits(term));
    }
}
