package de.buergerservice.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The rules for a password a person sets (BSI IT-Grundschutz ORP.4, NIST SP 800-63B 5.1.1.2): at least
 * {@value #MIN_LENGTH} characters, not the user name, and none of the 10,000 most common passwords — also not one
 * of them with digits or punctuation put before or after it ({@code Password2026!}). The list is bundled
 * ({@code security/common-passwords.txt}, origin in its header and in docs/security.md), so the check needs no
 * network. No rules on character classes: they make passwords harder to remember, not to guess.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("security/common-passwords.txt");
    }

    /** Why {@code password} may not be set for {@code username}: a message code, or null if it may. */
    String refusal(String username, String password) {
        if (password == null) {
            return null;
        }
        if (password.length() < MIN_LENGTH) {
            return "validation.password.length";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank()) {
            String name = username.strip().toLowerCase(Locale.ROOT);
            if (lower.equals(name) || core(lower).equals(core(name))) {
                return "validation.password.username";
            }
        }
        return isCommon(lower) ? "validation.password.common" : null;
    }

    boolean isCommon(String lowerCasePassword) {
        String core = core(lowerCasePassword);
        return common.contains(lowerCasePassword) || (core.length() >= 4 && common.contains(core));
    }

    /** The password without the digits and punctuation people put before or after a common word. */
    static String core(String password) {
        return password.replaceFirst("^[0-9\\p{Punct}\\s]+", "").replaceFirst("[0-9\\p{Punct}\\s]+$", "");
    }

    int size() {
        return common.size();
    }

    private static Set<String> load(String resource) {
        Set<String> passwords = new HashSet<>(16_384);
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled password list " + resource + " cannot be read", e);
        }
        return Set.copyOf(passwords);
    }
}
