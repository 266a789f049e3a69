package de.buergerservice.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.buergerservice.portal.internal.Branding;
import de.buergerservice.portal.internal.BrandingData;

/** The admin form of a municipality's portal; {@code featuredServices} are the checked services. */
public class BrandingForm {

    private String primaryColour;
    private String address;
    private String imprintUrl;
    private String privacyUrl;
    private String feedbackEmail;
    private String easyLanguage;
    private String signLanguage;
    private String signLanguageVideoUrl;
    private List<UUID> featuredServices = new ArrayList<>();

    static BrandingForm of(Branding b) {
        BrandingForm form = new BrandingForm();
        form.primaryColour = b.primaryColour();
        form.address = b.address();
        form.imprintUrl = b.imprintUrl();
        form.privacyUrl = b.privacyUrl();
        form.feedbackEmail = b.feedbackEmail();
        form.easyLanguage = b.easyLanguage();
        form.signLanguage = b.signLanguage();
        form.signLanguageVideoUrl = b.signLanguageVideoUrl();
        form.featuredServices = new ArrayList<>(b.featuredServices());
        return form;
    }

    BrandingData toData() {
        return new BrandingData(
                primaryColour,
                address,
                imprintUrl,
                privacyUrl,
                feedbackEmail,
                easyLanguage,
                signLanguage,
                signLanguageVideoUrl,
                featuredServices);
    }

    public String getPrimaryColour() {
        return primaryColour;
    }

    public void setPrimaryColour(String primaryColour) {
        this.primaryColour = primaryColour;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getImprintUrl() {
        return imprintUrl;
    }

    public void setImprintUrl(String imprintUrl) {
        this.imprintUrl = imprintUrl;
    }

    public String getPrivacyUrl() {
        return privacyUrl;
    }

    public void setPrivacyUrl(String privacyUrl) {
        this.privacyUrl = privacyUrl;
    }

    public String getFeedbackEmail() {
        return feedbackEmail;
    }

    public void setFeedbackEmail(String feedbackEmail) {
        this.feedbackEmail = feedbackEmail;
    }

    public String getEasyLanguage() {
        return easyLanguage;
    }

    public void setEasyLanguage(String easyLanguage) {
        this.easyLanguage = easyLanguage;
    }

    public String getSignLanguage() {
        return signLanguage;
    }

    public void setSignLanguage(String signLanguage) {
        this.signLanguage = signLanguage;
    }

    public String getSignLanguageVideoUrl() {
        return signLanguageVideoUrl;
    }

    public void setSignLanguageVideoUrl(String signLanguageVideoUrl) {
        this.signLanguageVideoUrl = signLanguageVideoUrl;
    }

    public List<UUID> getFeaturedServices() {
        return featuredServices;
    }

    public void setFeaturedServices(List<UUID> featuredServices) {
        this.featuredServices = featuredServices == null ? new ArrayList<>() : featuredServices;
    }
}
