package de.buergerservice.tenancy.internal;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import de.buergerservice.shared.persistence.PersistentEntity;
import de.buergerservice.tenancy.FederalState;
import de.buergerservice.tenancy.OpeningException;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.TenantInfo;
import de.buergerservice.tenancy.TenantType;
import de.buergerservice.tenancy.TimeRange;

/** A municipality the service center answers for (Mandant). */
@Entity
@Table(name = "tenant")
public class Tenant extends PersistentEntity {

    @Column(nullable = false, unique = true, length = 60)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private TenantType type;

    @Column(nullable = false, length = 8)
    private String ags;

    @Enumerated(EnumType.STRING)
    @Column(name = "federal_state", nullable = false, length = 2)
    private FederalState federalState;

    @Column(nullable = false, length = 500)
    private String greeting;

    @Column(name = "website_url", length = 500)
    private String websiteUrl;

    @ElementCollection
    @CollectionTable(name = "tenant_phone_number", joinColumns = @JoinColumn(name = "tenant_id"))
    @OrderColumn(name = "position")
    @Column(name = "number", nullable = false, length = 16)
    private List<String> phoneNumbers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "tenant_opening_hours", joinColumns = @JoinColumn(name = "tenant_id"))
    @OrderColumn(name = "position")
    private List<WeeklyInterval> weeklyHours = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "tenant_opening_exception", joinColumns = @JoinColumn(name = "tenant_id"))
    @OrderColumn(name = "position")
    private List<ExceptionInterval> exceptions = new ArrayList<>();

    protected Tenant() {}

    Tenant(TenantData data) {
        apply(data);
    }

    void apply(TenantData data) {
        slug = data.slug();
        name = data.name();
        type = data.type();
        ags = data.ags();
        federalState = data.federalState();
        greeting = data.greeting();
        websiteUrl = data.websiteUrl() == null || data.websiteUrl().isBlank() ? null : data.websiteUrl();
        phoneNumbers.clear();
        phoneNumbers.addAll(data.phoneNumbers());
        setOpeningHours(data.openingHours() == null ? OpeningHours.closed() : data.openingHours());
    }

    void setOpeningHours(OpeningHours hours) {
        weeklyHours.clear();
        hours.weekly()
                .forEach((day, ranges) ->
                        ranges.forEach(r -> weeklyHours.add(new WeeklyInterval(day, r.opens(), r.closes()))));
        exceptions.clear();
        for (OpeningException exception : hours.exceptions()) {
            if (exception.closedAllDay()) {
                exceptions.add(new ExceptionInterval(exception.date(), null, null, exception.note()));
            }
            exception
                    .hours()
                    .forEach(r -> exceptions.add(
                            new ExceptionInterval(exception.date(), r.opens(), r.closes(), exception.note())));
        }
    }

    public OpeningHours getOpeningHours() {
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        weeklyHours.forEach(i -> weekly.computeIfAbsent(i.dayOfWeek(), d -> new ArrayList<>())
                .add(new TimeRange(i.opens(), i.closes())));
        Map<LocalDate, List<ExceptionInterval>> byDate = new LinkedHashMap<>();
        exceptions.forEach(
                e -> byDate.computeIfAbsent(e.date(), d -> new ArrayList<>()).add(e));
        List<OpeningException> dated = byDate.entrySet().stream()
                .map(entry -> new OpeningException(
                        entry.getKey(),
                        entry.getValue().stream()
                                .filter(e -> e.opens() != null)
                                .map(e -> new TimeRange(e.opens(), e.closes()))
                                .toList(),
                        entry.getValue().get(0).note()))
                .toList();
        return new OpeningHours(weekly, dated);
    }

    TenantInfo toInfo() {
        return new TenantInfo(
                getId(),
                slug,
                name,
                type,
                ags,
                federalState,
                greeting,
                websiteUrl == null ? null : URI.create(websiteUrl),
                List.copyOf(phoneNumbers));
    }

    TenantView toView() {
        return new TenantView(
                getId(),
                slug,
                name,
                type,
                ags,
                federalState,
                List.copyOf(phoneNumbers),
                greeting,
                websiteUrl,
                getOpeningHours());
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public FederalState getFederalState() {
        return federalState;
    }

    public List<String> getPhoneNumbers() {
        return List.copyOf(phoneNumbers);
    }
}
