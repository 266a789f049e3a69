package de.buergerservice.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import de.buergerservice.shared.security.Role;

interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    List<UserAccount> findAllByOrderByUsername();

    @Query("select u from UserAccount u join u.roles r where r = :role and u.enabled = true order by u.displayName")
    List<UserAccount> findEnabledWithRole(Role role);

    default boolean existsEnabledAdministrator() {
        return !findEnabledWithRole(Role.ADMIN).isEmpty();
    }

    @Query("select u from UserAccount u join u.tenantIds t where t = :tenantId")
    List<UserAccount> findByTenantId(UUID tenantId);
}
