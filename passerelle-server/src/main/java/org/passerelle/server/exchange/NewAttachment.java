package org.passerelle.server.exchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** A file to send beside an envelope. */
public record NewAttachment(String name, String mediaType, byte[] content) {

    /**
     * The files of an upload (a form's file input, an API's multipart parts), empty parts left out, each with the type
     * its sender declared; the module taking them checks what they really are.
     */
    public static List<NewAttachment> of(List<MultipartFile> files) throws IOException {
        List<NewAttachment> attachments = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (!file.isEmpty()) {
                    attachments.add(new NewAttachment(file.getOriginalFilename() == null ? "file"
                            : file.getOriginalFilename(), file.getContentType() == null ? "application/octet-stream"
                            : file.getContentType(), file.getBytes()));
                }
            }
        }
        return attachments;
    }
}
