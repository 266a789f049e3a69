package de.buergerservice.tenancy.web;

import de.buergerservice.tenancy.internal.ServiceCenterData;
import de.buergerservice.tenancy.internal.ServiceCenterView;

/** The admin form of an operator. */
public class ServiceCenterForm {

    private String name;
    private String email;
    private String phone;

    static ServiceCenterForm of(ServiceCenterView view) {
        ServiceCenterForm form = new ServiceCenterForm();
        form.name = view.name();
        form.email = view.email();
        form.phone = view.phone();
        return form;
    }

    ServiceCenterData toData() {
        return new ServiceCenterData(
                name,
                email == null || email.isBlank() ? null : email.strip(),
                phone == null || phone.isBlank() ? null : phone.strip());
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

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
