package de.buergerservice.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.identity.UserDirectory;
import de.buergerservice.identity.UserInfo;
import de.buergerservice.shared.security.Role;

@Service
@Transactional(readOnly = true)
class UserDirectoryService implements UserDirectory {

    private final UserAccountRepository accounts;

    UserDirectoryService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<UserInfo> findById(UUID id) {
        return accounts.findById(id).map(UserAccount::toInfo);
    }

    @Override
    public Optional<UserInfo> findByUsername(String username) {
        return accounts.findByUsername(UserService.normalize(username)).map(UserAccount::toInfo);
    }

    @Override
    public List<UserInfo> withRole(Role role) {
        return accounts.findEnabledWithRole(role).stream()
                .map(UserAccount::toInfo)
                .toList();
    }
}
