package de.buergerservice.tenancy.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TenantRepository extends JpaRepository<Tenant, UUID> {

    Optional<Tenant> findBySlug(String slug);

    Optional<Tenant> findByAgs(String ags);

    List<Tenant> findAllByOrderByName();

    List<Tenant> findByIdInOrderByName(Collection<UUID> ids);

    @Query("select t from Tenant t join t.phoneNumbers n where n = :number")
    Optional<Tenant> findByPhoneNumber(String number);
}
