package de.buergerservice.tenancy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import de.buergerservice.shared.persistence.PersistentEntity;
import de.buergerservice.tenancy.DepartmentInfo;

/** A Fachbereich of one municipality and the topics it is responsible for. */
@Entity
@Table(name = "department")
public class Department extends PersistentEntity {

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 320)
    private String email;

    @Column(name = "phone_extension", length = 8)
    private String phoneExtension;

    @Column(name = "lead_email", length = 320)
    private String leadEmail;

    @ElementCollection
    @CollectionTable(name = "department_topic", joinColumns = @JoinColumn(name = "department_id"))
    @OrderColumn(name = "position")
    @Column(name = "topic", nullable = false, length = 200)
    private List<String> topics = new ArrayList<>();

    protected Department() {}

    Department(UUID tenantId, DepartmentData data) {
        this.tenantId = tenantId;
        apply(data);
    }

    void apply(DepartmentData data) {
        name = data.name().strip();
        email = Inputs.blankToNull(data.email());
        phoneExtension = Inputs.blankToNull(data.phoneExtension());
        leadEmail = Inputs.blankToNull(data.leadEmail());
        topics.clear();
        data.topics().stream().map(String::strip).distinct().forEach(topics::add);
    }

    public UUID getTenantId() {
        return tenantId;
    }

    DepartmentInfo toInfo() {
        return new DepartmentInfo(getId(), tenantId, name, email, phoneExtension, List.copyOf(topics), leadEmail);
    }
}
