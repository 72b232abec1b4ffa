package org.passerelle.protocol;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Text form of a node's public key as peers exchange it: {@code ed25519:} + base64 of its X.509 encoding. */
public final class PublicKeys {

    private static final String PREFIX = "ed25519:";

    private PublicKeys() {
    }

    public static String encode(PublicKey key) {
        return PREFIX + Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey decode(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A public key must start with '" + PREFIX + "'");
        }
        try {
            byte[] der = Base64.getDecoder().decode(text.substring(PREFIX.length()));
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a valid Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** A short fingerprint people can compare over the phone: first 16 bytes of SHA-256, in hex groups. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            String hex = HexFormat.of().formatHex(digest, 0, 16);
            return hex.replaceAll("(.{4})(?!$)", "$1:");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
