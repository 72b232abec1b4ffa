package org.passerelle.matching;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.passerelle.matching.normalize.BridgeKey;
import org.passerelle.matching.normalize.NameParser;
import org.passerelle.matching.normalize.NameUnit;
import org.passerelle.matching.normalize.Places;

/**
 * A record with its names cut into units and keyed, done once so that neither indexing nor scoring parses a
 * name twice.
 *
 * @param names     units of each name of the record (one list per spelling or script)
 * @param birthPlace key and gazetteer entry of the place of birth
 */
public record PreparedRecord(PersonRecord record, List<List<NameUnit>> names, Places.Spelling birthPlace,
                             List<NameUnit> father,
                             List<NameUnit> mother) {

    public static PreparedRecord of(PersonRecord record) {
        List<List<NameUnit>> names = record.names().stream().map(NameParser::parse).filter(u -> !u.isEmpty()).toList();
        return new PreparedRecord(record, names, Places.morocco().spelling(record.birthPlace()),
                NameParser.parseWords(record.fatherName()), NameParser.parseWords(record.motherName()));
    }

    /** Every distinct unit key over all the names: what the index blocks on. */
    public Set<String> nameKeys() {
        Set<String> keys = new LinkedHashSet<>();
        names.forEach(units -> units.forEach(unit -> keys.add(unit.key())));
        return keys;
    }

    /**
     * Keys of adjacent units glued, that no unit has: the key the other side has when it wrote the two words as one
     * (Been Soufiane, a typo that hid the particle, for Bensoufiane).
     */
    public Set<String> gluedKeys() {
        Set<String> keys = new LinkedHashSet<>();
        names.forEach(units -> {
            for (int i = 0; i + 1 < units.size(); i++) {
                keys.add(BridgeKey.glue(units.get(i).key(), units.get(i + 1).key()));
            }
        });
        keys.removeAll(nameKeys());
        return keys;
    }
}
