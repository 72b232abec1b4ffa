package org.passerelle.server.support;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import org.passerelle.protocol.EnvelopeSigner;

/** A party's envelope signer with a fresh Ed25519 key, for threads built by hand in tests of a module's pure state. */
public final class TestSigners {

    private TestSigners() {
    }

    public static EnvelopeSigner of(String party) {
        try {
            return new EnvelopeSigner(party, KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
