package de.buergerservice.tenancy.web;

import java.util.Arrays;

import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.internal.DepartmentData;

/** The admin form of a department: topics one per line. */
public class DepartmentForm {

    private String name;
    private String email;
    private String phoneExtension;
    private String topics = "";
    private String leadEmail;

    static DepartmentForm of(DepartmentInfo department) {
        DepartmentForm form = new DepartmentForm();
        form.name = department.name();
        form.email = department.email();
        form.phoneExtension = department.phoneExtension();
        form.topics = String.join("\n", department.topics());
        form.leadEmail = department.leadEmail();
        return form;
    }

    DepartmentData toData() {
        return new DepartmentData(
                name,
                email,
                phoneExtension == null || phoneExtension.isBlank() ? null : phoneExtension.strip(),
                Arrays.stream(topics == null ? new String[0] : topics.split("\\R"))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList(),
                leadEmail == null || leadEmail.isBlank() ? null : leadEmail.strip());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhoneExtension() {
        return phoneExtension;
    }

    public void setPhoneExtension(String phoneExtension) {
        this.phoneExtension = phoneExtension;
    }

    public String getLeadEmail() {
        return leadEmail;
    }

    public void setLeadEmail(String leadEmail) {
        this.leadEmail = leadEmail;
    }

    public String getTopics() {
        return topics;
    }

    public void setTopics(String topics) {
        this.topics = topics;
    }
}
