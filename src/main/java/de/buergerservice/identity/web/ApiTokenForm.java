package de.buergerservice.identity.web;

import java.time.LocalDate;

import de.buergerservice.identity.internal.ApiTokenData;

/** The admin form for a new API token. */
public class ApiTokenForm {

    private String name;
    private LocalDate expiresOn;

    ApiTokenData toData() {
        return new ApiTokenData(name, expiresOn);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }
}
