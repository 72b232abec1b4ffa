package org.passerelle.matching.score;

import java.util.Optional;

import org.passerelle.matching.normalize.BridgeKey;
import org.passerelle.matching.normalize.Places;

/**
 * Compares places of birth: through the gazetteer when it knows both (Tanger = Tangier = طنجة), else by bridge
 * keys, one typo allowed for "similar".
 */
public final class PlaceComparator {
    private PlaceComparator() {
    }

    public static FieldOutcome compare(Places.Spelling query, Places.Spelling candidate) {
        String queryKey = query.key();
        String candidateKey = candidate.key();
        if (queryKey.isEmpty() || candidateKey.isEmpty()) {
            return new FieldOutcome(Field.BIRTH_PLACE, Field.MISSING, "");
        }
        Optional<Places.Place> queryPlace = query.place();
        Optional<Places.Place> candidatePlace = candidate.place();
        if (queryPlace.isPresent() && candidatePlace.isPresent()) {
            boolean same = queryPlace.get().equals(candidatePlace.get());
            return new FieldOutcome(Field.BIRTH_PLACE, same ? 0 : 2, same ? queryPlace.get().latin().getFirst() : "");
        }
        if (queryKey.equals(candidateKey)) {
            return new FieldOutcome(Field.BIRTH_PLACE, 0, queryKey);
        }
        boolean similar = Math.min(queryKey.length(), candidateKey.length()) >= 3
                && BridgeKey.distance(queryKey, candidateKey) == 1;
        return new FieldOutcome(Field.BIRTH_PLACE, similar ? 1 : 2, "");
    }
}
