package de.buergerservice.telephony.web;

import de.buergerservice.telephony.internal.QueueSettings;
import de.buergerservice.telephony.internal.QueueSettingsData;
import de.buergerservice.telephony.internal.QueueView;

/** The page form of a municipality's line: queue name, ring timeout, wrap-up, overflow and the closed rule. */
public class LineForm {

    private String name;
    private Integer ringTimeoutSeconds;
    private Integer wrapUpSeconds;
    private String overflowTenant;
    private Integer overflowAfterSeconds;
    private QueueSettings.ClosedAction closedAction = QueueSettings.ClosedAction.REJECT;
    private String redirectTarget;

    static LineForm of(QueueView line) {
        LineForm form = new LineForm();
        form.name = line.name();
        form.ringTimeoutSeconds = line.ringTimeoutSeconds();
        form.wrapUpSeconds = line.wrapUpSeconds();
        form.overflowTenant = line.overflowTenant();
        form.overflowAfterSeconds = line.overflowAfterSeconds();
        form.closedAction = line.closedAction();
        form.redirectTarget = line.redirectTarget();
        return form;
    }

    QueueSettingsData toData() {
        return new QueueSettingsData(
                name == null ? null : name.strip(),
                ringTimeoutSeconds,
                wrapUpSeconds,
                overflowTenant == null || overflowTenant.isBlank() ? null : overflowTenant,
                overflowAfterSeconds,
                closedAction,
                redirectTarget == null || redirectTarget.isBlank() ? null : redirectTarget.strip());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getRingTimeoutSeconds() {
        return ringTimeoutSeconds;
    }

    public void setRingTimeoutSeconds(Integer ringTimeoutSeconds) {
        this.ringTimeoutSeconds = ringTimeoutSeconds;
    }

    public Integer getWrapUpSeconds() {
        return wrapUpSeconds;
    }

    public void setWrapUpSeconds(Integer wrapUpSeconds) {
        this.wrapUpSeconds = wrapUpSeconds;
    }

    public String getOverflowTenant() {
        return overflowTenant;
    }

    public void setOverflowTenant(String overflowTenant) {
        this.overflowTenant = overflowTenant;
    }

    public Integer getOverflowAfterSeconds() {
        return overflowAfterSeconds;
    }

    public void setOverflowAfterSeconds(Integer overflowAfterSeconds) {
        this.overflowAfterSeconds = overflowAfterSeconds;
    }

    public QueueSettings.ClosedAction getClosedAction() {
        return closedAction;
    }

    public void setClosedAction(QueueSettings.ClosedAction closedAction) {
        this.closedAction = closedAction;
    }

    public String getRedirectTarget() {
        return redirectTarget;
    }

    public void setRedirectTarget(String redirectTarget) {
        this.redirectTarget = redirectTarget;
    }
}
