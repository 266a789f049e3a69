package de.buergerservice.tenancy.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import de.buergerservice.tenancy.PhoneNumbers;

/** What an administrator enters for the operator. */
public record ServiceCenterData(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 320) String email,
        @E164 String phone) {

    public ServiceCenterData {
        // any common German notation is stored in E.164; an unreadable number stays as typed for the message
        phone = phone == null || phone.isBlank()
                ? null
                : PhoneNumbers.toE164(phone).orElse(phone.strip());
    }
}
