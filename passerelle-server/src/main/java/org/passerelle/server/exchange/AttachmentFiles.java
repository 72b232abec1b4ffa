package org.passerelle.server.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.passerelle.server.party.NodeProperties;
import org.springframework.stereotype.Component;

/**
 * Attachment bytes, kept on disk under {@code <data-dir>/attachments} and named by their SHA-256, so the same
 * file sent twice is stored once and a file's name cannot be forged.
 */
@Component
class AttachmentFiles {

    private final Path folder;

    AttachmentFiles(NodeProperties properties) {
        this.folder = properties.dataDir().resolve("attachments");
    }

    void save(String sha256, byte[] content) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(sha256);
            if (!Files.exists(target)) {
                Path temporary = Files.createTempFile(folder, sha256, ".part");
                Files.write(temporary, content);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store attachment " + sha256, e);
        }
    }

    /** Deletes an attachment's bytes (after the last envelope holding it was purged); nothing if there are none. */
    void delete(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            return;
        }
        try {
            Files.deleteIfExists(folder.resolve(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete attachment " + sha256, e);
        }
    }

    Optional<byte[]> read(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try {
            Path file = folder.resolve(sha256);
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
