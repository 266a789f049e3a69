package de.buergerservice.identity.internal;

/** A token just created: the only time the secret itself ({@code token}) is handed out. */
public record CreatedApiToken(ApiTokenView apiToken, String token) {}
