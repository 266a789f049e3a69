package de.buergerservice.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.buergerservice.shared.security.Role;

/** What other modules may ask about users, e.g. the switchboard listing agents. */
public interface UserDirectory {

    Optional<UserInfo> findById(UUID id);

    Optional<UserInfo> findByUsername(String username);

    /** Enabled users with {@code role}, ordered by display name. */
    List<UserInfo> withRole(Role role);
}
