package de.buergerservice.identity.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.identity.internal.ApiTokenData;
import de.buergerservice.identity.internal.ApiTokenService;
import de.buergerservice.identity.internal.ApiTokenView;
import de.buergerservice.identity.internal.CreatedApiToken;

/**
 * API tokens of a user ({@code /api/v1/users/{userId}/tokens}, administrators): the answer to {@code POST} is the
 * only one that contains the token; {@code DELETE} revokes it (the record stays, marked revoked).
 */
@RestController
@RequestMapping("/api/v1/users/{userId}/tokens")
@PreAuthorize("hasRole('ADMIN')")
class ApiTokenApiController {

    private final ApiTokenService tokens;

    ApiTokenApiController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    List<ApiTokenView> list(@PathVariable UUID userId) {
        return tokens.list(userId);
    }

    @PostMapping
    ResponseEntity<CreatedApiToken> create(@PathVariable UUID userId, @Valid @RequestBody ApiTokenData data) {
        CreatedApiToken created = tokens.create(userId, data);
        return ResponseEntity.created(URI.create("/api/v1/users/" + userId + "/tokens/"
                        + created.apiToken().id()))
                .body(created);
    }

    @DeleteMapping("/{tokenId}")
    ResponseEntity<Void> revoke(@PathVariable UUID userId, @PathVariable UUID tokenId) {
        tokens.revoke(userId, tokenId);
        return ResponseEntity.noContent().build();
    }
}
