package org.passerelle.server.security.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.passerelle.server.security.NewUser;
import org.passerelle.server.security.UserAccount;
import org.passerelle.server.security.UserService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** User administration (administrators only, enforced by the security rules of /api/v1/users). */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users")
@SecurityRequirement(name = "token")
class UsersApi {

    private final UserService users;

    UsersApi(UserService users) {
        this.users = users;
    }

    record CreatedUser(UserAccount account, String initialPassword) {
    }

    record NewPassword(String username, String password) {
    }

    @Operation(summary = "All local users")
    @GetMapping
    List<UserAccount> list() {
        return users.list();
    }

    @Operation(summary = "Create a user; without a password, one is generated and returned once. An auditor account"
            + " waits, disabled, for a second administrator's approval (no password is returned)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedUser create(@RequestBody NewUser user) {
        UserService.Created created = users.create(user);
        return new CreatedUser(created.account(), created.initialPassword());
    }

    @Operation(summary = "One user")
    @GetMapping("/{username}")
    UserAccount read(@PathVariable String username) {
        return users.read(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Operation(summary = "Disable a user and revoke their tokens")
    @PostMapping("/{username}/disable")
    UserAccount disable(@PathVariable String username) {
        users.setEnabled(username, false);
        return read(username);
    }

    @Operation(summary = "Enable a user again")
    @PostMapping("/{username}/enable")
    UserAccount enable(@PathVariable String username) {
        users.setEnabled(username, true);
        return read(username);
    }

    @Operation(summary = "Approve an auditor account another administrator opened; its generated password is returned once")
    @PostMapping("/{username}/approve")
    NewPassword approve(@PathVariable String username) {
        return new NewPassword(username, users.approve(username));
    }

    @Operation(summary = "Give a user a new generated password (their authenticator stays); they replace it at next sign-in")
    @PostMapping("/{username}/reset-password")
    NewPassword resetPassword(@PathVariable String username) {
        return new NewPassword(username, users.resetPassword(username));
    }

    @Operation(summary = "Remove a user's authenticator (their password stays); they enrol a new one at next sign-in")
    @PostMapping("/{username}/reset-second-factor")
    UserAccount resetSecondFactor(@PathVariable String username) {
        users.resetSecondFactor(username);
        return read(username);
    }
}
