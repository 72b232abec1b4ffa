package org.passerelle.server.security.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.passerelle.server.security.UserAccount;
import org.passerelle.server.security.UserService;
import org.passerelle.server.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the user a token belongs to. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "node")
@SecurityRequirement(name = "token")
class MeApi {

    private final UserService users;

    MeApi(UserService users) {
        this.users = users;
    }

    record Me(String username, String displayName, String role, String party, String office) {
    }

    @Operation(summary = "The user the token belongs to")
    @GetMapping("/me")
    Me me(Viewer viewer) {
        UserAccount account = users.own(viewer.username()).orElseThrow();
        return new Me(account.username(), account.displayName(), account.role().name(), account.party(), account.office());
    }
}
