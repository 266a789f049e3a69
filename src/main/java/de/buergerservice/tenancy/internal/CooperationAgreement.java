package de.buergerservice.tenancy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import de.buergerservice.shared.persistence.PersistentEntity;
import de.buergerservice.tenancy.AgreementInfo;
import de.buergerservice.tenancy.AgreementStatus;
import de.buergerservice.tenancy.Channel;
import de.buergerservice.tenancy.ServiceLevelTarget;

/**
 * Kooperationsvereinbarung: the operator answers for the client municipality on the covered channels from the
 * start date, first in a trial phase, with targets the interim report is measured against and a price per
 * handled contact.
 */
@Entity
@Table(name = "cooperation_agreement")
public class CooperationAgreement extends PersistentEntity {

    @Column(name = "service_center_id", nullable = false)
    private UUID serviceCenterId;

    @Column(name = "client_tenant_id", nullable = false)
    private UUID clientTenantId;

    @ElementCollection
    @CollectionTable(name = "agreement_channel", joinColumns = @JoinColumn(name = "agreement_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 20)
    private Set<Channel> channels = EnumSet.noneOf(Channel.class);

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "trial_phase_end")
    private LocalDate trialPhaseEnd;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "service_level_percent", nullable = false, precision = 5, scale = 2)
    private BigDecimal serviceLevelPercent;

    @Column(name = "service_level_seconds", nullable = false)
    private int serviceLevelSeconds;

    @Column(name = "target_average_wait_seconds", nullable = false)
    private int targetAverageWaitSeconds;

    @Column(name = "target_first_contact_resolution_percent", nullable = false, precision = 5, scale = 2)
    private BigDecimal targetFirstContactResolutionPercent;

    @Column(name = "price_per_contact", nullable = false, precision = 10, scale = 2)
    private BigDecimal pricePerContact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private AgreementStatus status;

    @Column(name = "callback_deadline_hours", nullable = false)
    private int callbackDeadlineHours = AgreementInfo.DEFAULT_CALLBACK_DEADLINE_SERVICE_HOURS;

    protected CooperationAgreement() {}

    CooperationAgreement(UUID serviceCenterId, UUID clientTenantId, AgreementData data) {
        apply(serviceCenterId, clientTenantId, data);
    }

    void apply(UUID serviceCenterId, UUID clientTenantId, AgreementData data) {
        this.serviceCenterId = serviceCenterId;
        this.clientTenantId = clientTenantId;
        channels.clear();
        channels.addAll(data.channels());
        startDate = data.startDate();
        trialPhaseEnd = data.trialPhaseEnd();
        endDate = data.endDate();
        serviceLevelPercent = data.serviceLevelTarget().percent();
        serviceLevelSeconds = data.serviceLevelTarget().withinSeconds();
        targetAverageWaitSeconds = data.targetAverageWaitSeconds();
        targetFirstContactResolutionPercent = data.targetFirstContactResolutionPercent();
        pricePerContact = data.pricePerContact();
        status = data.status();
        callbackDeadlineHours = data.callbackDeadlineHours();
    }

    public UUID getServiceCenterId() {
        return serviceCenterId;
    }

    public UUID getClientTenantId() {
        return clientTenantId;
    }

    AgreementInfo toInfo() {
        return new AgreementInfo(
                getId(),
                serviceCenterId,
                clientTenantId,
                Set.copyOf(channels),
                startDate,
                trialPhaseEnd,
                endDate,
                new ServiceLevelTarget(serviceLevelPercent, serviceLevelSeconds),
                targetAverageWaitSeconds,
                targetFirstContactResolutionPercent,
                pricePerContact,
                status,
                callbackDeadlineHours);
    }
}
