package org.passerelle.server.audit;

import java.util.OptionalLong;

/**
 * The result of walking the audit chain.
 *
 * @param entriesChecked how many entries held before the walk stopped
 * @param firstBrokenSeq the sequence number of the first entry that does not hold, if any
 * @param reason why that entry does not hold
 */
public record ChainVerification(long entriesChecked, OptionalLong firstBrokenSeq, String reason) {

    static ChainVerification intact(long checked) {
        return new ChainVerification(checked, OptionalLong.empty(), null);
    }

    static ChainVerification broken(long checked, long seq, String reason) {
        return new ChainVerification(checked, OptionalLong.of(seq), reason);
    }

    public boolean intact() {
        return firstBrokenSeq.isEmpty();
    }
}
