package org.passerelle.server.security;

import java.security.SecureRandom;

/** Random secrets people read or type: initial passwords and API tokens. */
final class OneTimeSecrets {

    // No 0/O, 1/l/I: an initial password is often read out or copied by hand.
    private static final String READABLE = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeSecrets() {
    }

    /** Four groups of four readable characters: about 94 bits, far above the password policy. */
    static String password() {
        StringBuilder out = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(READABLE.charAt(RANDOM.nextInt(READABLE.length())));
        }
        return out.toString();
    }

    static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
