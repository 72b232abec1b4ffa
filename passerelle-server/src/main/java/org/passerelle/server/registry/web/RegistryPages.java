package org.passerelle.server.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.passerelle.server.party.NodeProperties;
import org.passerelle.server.registry.IdentityBook;
import org.passerelle.server.registry.ImportStatus;
import org.passerelle.server.registry.Registry;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.web.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The administrators' registry pages: how many records the civil registry holds, its imports, and a new import from a
 * CSV file, followed with a progress bar to the rows it refused, each with its line and column.
 */
@Controller
class RegistryPages {

    /** htmx stops a polling element when its request is answered with this status. */
    private static final int STOP_POLLING = 286;

    private final Registry registry;
    private final Path uploads;

    RegistryPages(Registry registry, NodeProperties node) {
        this.registry = registry;
        this.uploads = node.dataDir().resolve("uploads");
    }

    @GetMapping("/admin/registry")
    String registry(Viewer viewer, Model model) {
        return page(viewer, model, List.of());
    }

    @PostMapping("/admin/registry/imports")
    String startImport(Viewer viewer, @RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return page(viewer, model, List.of(new FormErrors.Error("file", "registry.error.noFile")));
        }
        Files.createDirectories(uploads);
        Path copy = Files.createTempFile(uploads, "registry-", ".csv",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var in = file.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        String name = file.getOriginalFilename() == null ? "registry.csv" : file.getOriginalFilename();
        return "redirect:/admin/registry/imports/" + registry.startImport(viewer, copy, name);
    }

    @GetMapping("/admin/registry/imports/{id}")
    String importPage(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("status", status(viewer, id));
        return "registry/import";
    }

    /** The import's progress alone, which its page asks for every second until the import has ended. */
    @GetMapping("/admin/registry/imports/{id}/progress")
    String progress(Viewer viewer, @PathVariable long id, Model model, HttpServletResponse response) {
        ImportStatus status = status(viewer, id);
        if (status.state().finished()) {
            response.setStatus(STOP_POLLING);
        }
        model.addAttribute("status", status);
        return "registry/import-progress";
    }

    private ImportStatus status(Viewer viewer, long id) {
        return registry.importStatus(viewer, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String page(Viewer viewer, Model model, List<FormErrors.Error> errors) {
        model.addAttribute("records", registry.size(IdentityBook.CIVIL_REGISTRY));
        model.addAttribute("imports", registry.recentImports(viewer));
        model.addAttribute("errors", errors);
        return "registry/registry";
    }
}
