package de.buergerservice.portal.web;

import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The citizens' contact form. {@code website} is the honeypot: hidden from people (and from screen readers and
 * the keyboard), filled in by bots.
 */
public class ContactForm {

    @NotBlank(message = "{portal.contact.name.required}")
    @Size(max = 200, message = "{portal.contact.name.size}")
    private String name;

    @NotBlank(message = "{portal.contact.email.required}")
    @Email(message = "{portal.contact.email.invalid}")
    @Size(max = 200, message = "{portal.contact.email.invalid}")
    private String email;

    @Size(max = 40, message = "{portal.contact.phone.invalid}")
    @Pattern(regexp = "[+0-9 ()/-]*", message = "{portal.contact.phone.invalid}")
    private String phone;

    @NotBlank(message = "{portal.contact.message.required}")
    @Size(max = 2000, message = "{portal.contact.message.size}")
    private String message;

    private UUID serviceId;

    private UUID departmentId;

    @AssertTrue(message = "{portal.contact.consent.required}")
    private boolean consent;

    private String website;

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

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public UUID getServiceId() {
        return serviceId;
    }

    public void setServiceId(UUID serviceId) {
        this.serviceId = serviceId;
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(UUID departmentId) {
        this.departmentId = departmentId;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
