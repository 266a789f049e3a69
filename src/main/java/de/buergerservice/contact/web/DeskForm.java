package de.buergerservice.contact.web;

import java.util.UUID;

import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.contact.internal.DocumentationData;

/** The desk's documentation form, flat as HTML posts it; converted to the API's {@link DocumentationData}. */
class DeskForm {

    private ContactOutcome outcome;
    private UUID serviceId;
    private String serviceTitle;
    private String category;
    private String note;
    private UUID department;
    private HandOffKind kind;
    private String citizenName;
    private String phone;
    private String email;
    private String callbackWindow;

    DocumentationData toData() {
        return new DocumentationData(
                serviceId == null && (category == null || category.isBlank())
                        ? null
                        : new DocumentationData.ConcernData(serviceId, serviceId == null ? category : null),
                note,
                outcome,
                department,
                outcome == ContactOutcome.HANDED_OFF
                        ? new DocumentationData.HandOffData(kind, citizenName, phone, email, callbackWindow)
                        : null);
    }

    /** Maps a field of {@link DocumentationData} to the form's. */
    static String field(String dataField) {
        if (dataField == null) {
            return null;
        }
        return switch (dataField) {
            case "concern", "concern.serviceId" -> "serviceId";
            case "concern.category" -> "category";
            case "handOff.kind" -> "kind";
            case "handOff.citizenName" -> "citizenName";
            case "handOff.phone" -> "phone";
            case "handOff.email" -> "email";
            case "handOff.callbackWindow" -> "callbackWindow";
            case "outcome", "note", "department" -> dataField;
            default -> null;
        };
    }

    public ContactOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(ContactOutcome outcome) {
        this.outcome = outcome;
    }

    public UUID getServiceId() {
        return serviceId;
    }

    public void setServiceId(UUID serviceId) {
        this.serviceId = serviceId;
    }

    public String getServiceTitle() {
        return serviceTitle;
    }

    public void setServiceTitle(String serviceTitle) {
        this.serviceTitle = serviceTitle;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public UUID getDepartment() {
        return department;
    }

    public void setDepartment(UUID department) {
        this.department = department;
    }

    public HandOffKind getKind() {
        return kind;
    }

    public void setKind(HandOffKind kind) {
        this.kind = kind;
    }

    public String getCitizenName() {
        return citizenName;
    }

    public void setCitizenName(String citizenName) {
        this.citizenName = citizenName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCallbackWindow() {
        return callbackWindow;
    }

    public void setCallbackWindow(String callbackWindow) {
        this.callbackWindow = callbackWindow;
    }
}
