package org.passerelle.server.audit;

import java.util.OptionalLong;

/**
 * The result of walking the audit chain and checking it against signed heads.
 *
 * @param entriesChecked how many entries held before the walk stopped
 * @param firstBrokenSeq the sequence number of the first entry that does not hold, if any
 * @param reason why that entry does not hold
 * @param signedHeadsChecked how many signed heads the intact chain agrees with
 * @param headsKeptBy who kept those heads (this node, or a peer that witnessed them)
 */
public record ChainVerification(long entriesChecked, OptionalLong firstBrokenSeq, String reason,
        long signedHeadsChecked, String headsKeptBy) {

    static ChainVerification intact(long checked, long signedHeads, String keptBy) {
        return new ChainVerification(checked, OptionalLong.empty(), null, signedHeads, keptBy);
    }

    static ChainVerification broken(long checked, long seq, String reason) {
        return new ChainVerification(checked, OptionalLong.of(seq), reason, 0, null);
    }

    public boolean intact() {
        return firstBrokenSeq.isEmpty();
    }
}
