package org.passerelle.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps a node's Ed25519 key pair on disk: created on first use, then loaded.
 *
 * <p>The private key file is readable by its owner only. When a passphrase is given it is also
 * encrypted (AES-256-GCM under a PBKDF2-HMAC-SHA256 key), so that a copied disk or backup does not
 * give away the node's signing identity.
 */
public final class NodeKeyStore {

    static final String PRIVATE_KEY_FILE = "node-ed25519.key";
    static final String PUBLIC_KEY_FILE = "node-ed25519.pub";

    private static final byte[] ENCRYPTED_MAGIC = "PSLKEY1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int PBKDF2_ITERATIONS = 310_000;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;

    private final Path directory;
    private final Optional<char[]> passphrase;

    public NodeKeyStore(Path directory, Optional<char[]> passphrase) {
        this.directory = directory;
        this.passphrase = passphrase.filter(p -> p.length > 0);
    }

    /** Loads the node's key pair, creating and storing a new one when the directory holds none. */
    public KeyPair loadOrCreate() {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        try {
            if (Files.exists(privateFile)) {
                return load(privateFile);
            }
            return create(privateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the node key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot open the node key in " + directory + " (wrong passphrase or damaged file)", e);
        }
    }

    private KeyPair create(Path privateFile) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.createDirectories(directory);
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        byte[] stored = passphrase.isPresent() ? encrypt(pkcs8, passphrase.get()) : pemOf(pkcs8);
        writeOwnerOnly(privateFile, stored);
        Files.writeString(directory.resolve(PUBLIC_KEY_FILE), PublicKeys.encode(pair.getPublic()) + "\n");
        return pair;
    }

    private KeyPair load(Path privateFile) throws IOException, GeneralSecurityException {
        byte[] stored = Files.readAllBytes(privateFile);
        byte[] pkcs8;
        if (startsWith(stored, ENCRYPTED_MAGIC)) {
            if (passphrase.isEmpty()) {
                throw new IllegalStateException("The node key in " + directory
                        + " is encrypted: set PASSERELLE_KEY_PASSPHRASE");
            }
            pkcs8 = decrypt(stored, passphrase.get());
        } else {
            pkcs8 = fromPem(new String(stored, StandardCharsets.US_ASCII));
        }
        PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        PublicKey publicKey = PublicKeys.decode(Files.readString(directory.resolve(PUBLIC_KEY_FILE)).strip());
        Signatures.requireMatchingPair(privateKey, publicKey);
        return new KeyPair(publicKey, privateKey);
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("Another process created " + file + " at the same time", raced);
        }
        Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static byte[] pemOf(byte[] pkcs8) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8);
        return ("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] fromPem(String pem) {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static byte[] encrypt(byte[] plain, char[] passphrase) throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[SALT_BYTES];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(salt);
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, keyFrom(passphrase, salt), new GCMParameterSpec(128, iv));
        cipher.updateAAD(ENCRYPTED_MAGIC);
        byte[] sealed = cipher.doFinal(plain);
        return ByteBuffer.allocate(ENCRYPTED_MAGIC.length + SALT_BYTES + IV_BYTES + sealed.length)
                .put(ENCRYPTED_MAGIC).put(salt).put(iv).put(sealed).array();
    }

    private static byte[] decrypt(byte[] stored, char[] passphrase) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(stored, ENCRYPTED_MAGIC.length, stored.length - ENCRYPTED_MAGIC.length);
        byte[] salt = new byte[SALT_BYTES];
        byte[] iv = new byte[IV_BYTES];
        in.get(salt).get(iv);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, keyFrom(passphrase, salt), new GCMParameterSpec(128, iv));
        cipher.updateAAD(ENCRYPTED_MAGIC);
        return cipher.doFinal(sealed);
    }

    private static SecretKeySpec keyFrom(char[] passphrase, byte[] salt) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, PBKDF2_ITERATIONS, 256);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        spec.clearPassword();
        return new SecretKeySpec(key, "AES");
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
