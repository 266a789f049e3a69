package de.buergerservice.tenancy.internal;

import java.util.UUID;

public record ServiceCenterView(UUID id, String name, String email, String phone) {

    public ServiceCenterData toData() {
        return new ServiceCenterData(name, email, phone);
    }
}
