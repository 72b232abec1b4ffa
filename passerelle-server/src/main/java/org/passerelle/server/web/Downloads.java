package org.passerelle.server.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/** Files sent to a browser or a script as downloads, never shown inline: what comes from another party is not run. */
public final class Downloads {

    private Downloads() {
    }

    /** A file of any type, as {@code name}; 404 when there is none (or the viewer may not have it). */
    public static ResponseEntity<byte[]> file(Optional<byte[]> content, String name) {
        return content.map(bytes -> download(bytes, MediaType.APPLICATION_OCTET_STREAM, name))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A PDF the node drew, as {@code name}; 404 when there is none. */
    public static ResponseEntity<byte[]> pdf(Optional<byte[]> content, String name) {
        return content.map(bytes -> download(bytes, MediaType.APPLICATION_PDF, name))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A CSV file the node wrote (UTF-8), as {@code name}. */
    public static ResponseEntity<String> csv(String text, String name) {
        return download(text, new MediaType("text", "csv", StandardCharsets.UTF_8), name);
    }

    private static <T> ResponseEntity<T> download(T body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition(name))
                .body(body);
    }

    private static String disposition(String name) {
        return "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"";
    }
}
