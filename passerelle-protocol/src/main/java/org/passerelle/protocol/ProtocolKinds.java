package org.passerelle.protocol;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds every node understands whatever its modules: acknowledgements and the originator's controls. */
public final class ProtocolKinds {

    public static final String RECEIPT = "receipt";
    public static final String REJECTION = "rejection";
    public static final String RETRACTION = "retraction";
    public static final String CORRECTION = "correction";
    public static final String CONSENT = "consent";
    public static final String FORWARD = "forward";

    private ProtocolKinds() {
    }

    static void register(KindRegistry registry) {
        Set<String> reasons = EnumSet.allOf(RejectionReason.class).stream().map(Enum::name).collect(Collectors.toSet());
        registry.register(RECEIPT, PayloadSchema.object().text("envelope", 64).text("hash", 64)
                .oneOf("outcome", Set.of("stored", "duplicate", "purged", "corrected")));
        registry.register(REJECTION, PayloadSchema.object().text("envelope", 200).optionalText("hash", 64)
                .oneOf("reason", reasons).optionalText("detail", 1000));
        registry.register(RETRACTION, PayloadSchema.object().text("envelope", 64).text("hash", 64)
                .text("reason", 1000));
        registry.register(CORRECTION, PayloadSchema.object().text("envelope", 64).text("hash", 64)
                .json("payload").text("reason", 1000));
        registry.register(CONSENT, PayloadSchema.object().text("envelope", 64).text("to", 2));
        // An envelope passed on to another party, whole, so the receiver can check its originator's signature.
        registry.register(FORWARD, PayloadSchema.object().text("envelope", 1 << 20));
    }

    /** Acknowledgements travel beside a case but are no part of its thread of business messages. */
    public static boolean acknowledgement(String kind) {
        return RECEIPT.equals(kind) || REJECTION.equals(kind);
    }
}
