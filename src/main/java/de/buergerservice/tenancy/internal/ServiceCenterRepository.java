package de.buergerservice.tenancy.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceCenterRepository extends JpaRepository<ServiceCenter, UUID> {

    List<ServiceCenter> findAllByOrderByName();
}
