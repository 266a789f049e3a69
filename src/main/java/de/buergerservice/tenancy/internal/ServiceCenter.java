package de.buergerservice.tenancy.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import de.buergerservice.shared.persistence.PersistentEntity;

/** The operator that answers for itself and its partner municipalities, e.g. "ServiceCenter der Stadt Oldenburg". */
@Entity
@Table(name = "service_center")
public class ServiceCenter extends PersistentEntity {

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 320)
    private String email;

    @Column(length = 16)
    private String phone;

    protected ServiceCenter() {}

    ServiceCenter(ServiceCenterData data) {
        apply(data);
    }

    void apply(ServiceCenterData data) {
        name = data.name();
        email = Inputs.blankToNull(data.email());
        phone = Inputs.blankToNull(data.phone());
    }

    ServiceCenterView toView() {
        return new ServiceCenterView(getId(), name, email, phone);
    }

    public String getName() {
        return name;
    }
}
