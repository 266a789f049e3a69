package de.buergerservice.tenancy.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

import de.buergerservice.tenancy.AgreementStatus;
import de.buergerservice.tenancy.Channel;
import de.buergerservice.tenancy.ServiceLevelTarget;
import de.buergerservice.tenancy.internal.AgreementData;
import de.buergerservice.tenancy.internal.AgreementView;

/** The admin form of a cooperation agreement; the service-level target is two plain fields. */
public class AgreementForm {

    private UUID serviceCenterId;
    private String clientTenant;
    private Set<Channel> channels = EnumSet.of(Channel.PHONE);

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate trialPhaseEnd;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;

    private BigDecimal serviceLevelPercent = new BigDecimal("80");
    private Integer serviceLevelSeconds = 20;
    private Integer targetAverageWaitSeconds = 20;
    private BigDecimal targetFirstContactResolutionPercent = new BigDecimal("65");
    private BigDecimal pricePerContact;
    private AgreementStatus status = AgreementStatus.TRIAL;
    private Integer callbackDeadlineHours = 24;

    static AgreementForm of(AgreementView view) {
        AgreementForm form = new AgreementForm();
        form.serviceCenterId = view.serviceCenter().id();
        form.clientTenant = view.clientTenant().slug();
        form.channels = view.channels().isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(view.channels());
        form.startDate = view.startDate();
        form.trialPhaseEnd = view.trialPhaseEnd();
        form.endDate = view.endDate();
        form.serviceLevelPercent = view.serviceLevelTarget().percent();
        form.serviceLevelSeconds = view.serviceLevelTarget().withinSeconds();
        form.targetAverageWaitSeconds = view.targetAverageWaitSeconds();
        form.targetFirstContactResolutionPercent = view.targetFirstContactResolutionPercent();
        form.pricePerContact = view.pricePerContact();
        form.status = view.status();
        form.callbackDeadlineHours = view.callbackDeadlineHours();
        return form;
    }

    AgreementData toData() {
        return new AgreementData(
                serviceCenterId,
                clientTenant,
                channels == null ? Set.of() : channels,
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

    /** Form field of a property path of {@link AgreementData}. */
    static String fieldOf(String path) {
        return switch (path) {
            case "serviceLevelTarget.percent" -> "serviceLevelPercent";
            case "serviceLevelTarget.withinSeconds", "serviceLevelTarget" -> "serviceLevelSeconds";
            default -> path.startsWith("channels") ? "channels" : path;
        };
    }

    public UUID getServiceCenterId() {
        return serviceCenterId;
    }

    public void setServiceCenterId(UUID serviceCenterId) {
        this.serviceCenterId = serviceCenterId;
    }

    public String getClientTenant() {
        return clientTenant;
    }

    public void setClientTenant(String clientTenant) {
        this.clientTenant = clientTenant;
    }

    public Set<Channel> getChannels() {
        return channels;
    }

    public void setChannels(Set<Channel> channels) {
        this.channels = channels;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getTrialPhaseEnd() {
        return trialPhaseEnd;
    }

    public void setTrialPhaseEnd(LocalDate trialPhaseEnd) {
        this.trialPhaseEnd = trialPhaseEnd;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public BigDecimal getServiceLevelPercent() {
        return serviceLevelPercent;
    }

    public void setServiceLevelPercent(BigDecimal serviceLevelPercent) {
        this.serviceLevelPercent = serviceLevelPercent;
    }

    public Integer getServiceLevelSeconds() {
        return serviceLevelSeconds;
    }

    public void setServiceLevelSeconds(Integer serviceLevelSeconds) {
        this.serviceLevelSeconds = serviceLevelSeconds;
    }

    public Integer getTargetAverageWaitSeconds() {
        return targetAverageWaitSeconds;
    }

    public void setTargetAverageWaitSeconds(Integer targetAverageWaitSeconds) {
        this.targetAverageWaitSeconds = targetAverageWaitSeconds;
    }

    public BigDecimal getTargetFirstContactResolutionPercent() {
        return targetFirstContactResolutionPercent;
    }

    public void setTargetFirstContactResolutionPercent(BigDecimal targetFirstContactResolutionPercent) {
        this.targetFirstContactResolutionPercent = targetFirstContactResolutionPercent;
    }

    public BigDecimal getPricePerContact() {
        return pricePerContact;
    }

    public void setPricePerContact(BigDecimal pricePerContact) {
        this.pricePerContact = pricePerContact;
    }

    public Integer getCallbackDeadlineHours() {
        return callbackDeadlineHours;
    }

    public void setCallbackDeadlineHours(Integer callbackDeadlineHours) {
        this.callbackDeadlineHours = callbackDeadlineHours;
    }

    public AgreementStatus getStatus() {
        return status;
    }

    public void setStatus(AgreementStatus status) {
        this.status = status;
    }
}
