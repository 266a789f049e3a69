package de.buergerservice.tenancy.web;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.validation.BindingResult;

import de.buergerservice.shared.web.FormValidation;
import de.buergerservice.tenancy.FederalState;
import de.buergerservice.tenancy.OpeningException;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.TenantType;
import de.buergerservice.tenancy.TimeRange;
import de.buergerservice.tenancy.internal.TenantData;
import de.buergerservice.tenancy.internal.TenantView;

/** The admin form of a municipality: phone numbers one per line, hours as text per weekday. */
public class TenantForm {

    private String slug;
    private String name;
    private TenantType type = TenantType.MUNICIPALITY;
    private String ags;
    private FederalState federalState = FederalState.NI;
    private String phoneNumbers = "";
    private String greeting;
    private String websiteUrl;
    private Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);

    static TenantForm of(TenantView tenant) {
        TenantForm form = new TenantForm();
        form.slug = tenant.slug();
        form.name = tenant.name();
        form.type = tenant.type();
        form.ags = tenant.ags();
        form.federalState = tenant.federalState();
        form.phoneNumbers = String.join("\n", tenant.phoneNumbers());
        form.greeting = tenant.greeting();
        form.websiteUrl = tenant.websiteUrl();
        tenant.openingHours().weekly().forEach((day, ranges) -> form.weekly.put(day, TimeRanges.format(ranges)));
        return form;
    }

    /**
     * The input record; unreadable hours are recorded on {@code errors} (and left out), the date exceptions are
     * kept as they are.
     */
    TenantData toData(List<OpeningException> exceptions, BindingResult errors) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            try {
                hours.put(day, TimeRanges.parse(weekly.get(day)));
            } catch (IllegalArgumentException e) {
                errors.rejectValue("weekly[" + day + "]", "validation.openingHours.format");
            }
        }
        List<String> numbers = Arrays.stream(phoneNumbers == null ? new String[0] : phoneNumbers.split("\\R"))
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .toList();
        return new TenantData(
                slug,
                name,
                type,
                ags,
                federalState,
                numbers,
                greeting,
                websiteUrl == null || websiteUrl.isBlank() ? null : websiteUrl.strip(),
                new OpeningHours(hours, exceptions));
    }

    /** Form field of a property path of {@link TenantData}. */
    static String fieldOf(String path) {
        if (path.startsWith("openingHours.weekly[")) {
            return "weekly[" + path.substring("openingHours.weekly[".length(), path.indexOf(']')) + "]";
        }
        if (path.startsWith("openingHours")) {
            return null;
        }
        return FormValidation.topLevel(path);
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public TenantType getType() {
        return type;
    }

    public void setType(TenantType type) {
        this.type = type;
    }

    public String getAgs() {
        return ags;
    }

    public void setAgs(String ags) {
        this.ags = ags;
    }

    public FederalState getFederalState() {
        return federalState;
    }

    public void setFederalState(FederalState federalState) {
        this.federalState = federalState;
    }

    public String getPhoneNumbers() {
        return phoneNumbers;
    }

    public void setPhoneNumbers(String phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    public String getGreeting() {
        return greeting;
    }

    public void setGreeting(String greeting) {
        this.greeting = greeting;
    }

    public String getWebsiteUrl() {
        return websiteUrl;
    }

    public void setWebsiteUrl(String websiteUrl) {
        this.websiteUrl = websiteUrl;
    }

    public Map<DayOfWeek, String> getWeekly() {
        return weekly;
    }

    public void setWeekly(Map<DayOfWeek, String> weekly) {
        this.weekly = weekly;
    }
}
