package de.buergerservice.tenancy.internal;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters for a department; {@code leadEmail} is where escalations go. */
public record DepartmentData(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 320) String email,

        @Pattern(regexp = "\\d{1,8}", message = "{validation.phoneExtension}")
        String phoneExtension,

        @Size(max = 100) List<@NotBlank @Size(max = 200) String> topics,

        @Email(message = "{validation.leadEmail}") @Size(max = 320)
        String leadEmail) {

    public DepartmentData {
        topics = topics == null ? List.of() : topics;
    }

    /** Without a lead address. */
    public DepartmentData(String name, String email, String phoneExtension, List<String> topics) {
        this(name, email, phoneExtension, topics, null);
    }
}
