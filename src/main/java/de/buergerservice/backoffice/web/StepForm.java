package de.buergerservice.backoffice.web;

import java.util.UUID;

/** The fields of a ticket's step forms on the detail page (each form uses some of them). */
public class StepForm {

    private Boolean reached;
    private String result;
    private String text;
    private UUID departmentId;
    private String note;

    public Boolean getReached() {
        return reached;
    }

    public void setReached(Boolean reached) {
        this.reached = reached;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(UUID departmentId) {
        this.departmentId = departmentId;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
