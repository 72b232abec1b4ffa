package org.passerelle.server.security.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.passerelle.server.security.ApiTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own API tokens. New tokens are created on the account page, behind the second factor. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "tokens")
@SecurityRequirement(name = "token")
class TokensApi {

    private final ApiTokens tokens;

    TokensApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Operation(summary = "The caller's tokens (never their secrets)")
    @GetMapping
    List<ApiTokens.TokenInfo> list(Authentication user) {
        return tokens.list(user.getName());
    }

    @Operation(summary = "Revoke one of the caller's tokens")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(Authentication user, @PathVariable long id) {
        return tokens.revoke(user.getName(), id) ? ResponseEntity.noContent().build()
                : ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
}
