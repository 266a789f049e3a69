package de.buergerservice.tenancy.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.tenancy.AgreementStatus;
import de.buergerservice.tenancy.Channel;
import de.buergerservice.tenancy.FederalState;
import de.buergerservice.tenancy.OpeningException;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.ServiceLevelTarget;
import de.buergerservice.tenancy.TenantType;
import de.buergerservice.tenancy.TimeRange;

/**
 * Demo data of the model case (embedded default only): the ServiceCenter der Stadt Oldenburg answers for its own
 * city and, since 2010-11-01 after a six-month trial phase, for the Samtgemeinde Artland. Loaded once into an
 * empty database, through the same services an administrator uses.
 */
@Component
@ConditionalOnBooleanProperty("buergerservice.demo-data")
@Order(TenancyDemoData.ORDER)
class TenancyDemoData implements ApplicationRunner {

    static final int ORDER = 10;

    /** Artland's published switchboard number: the number to call in the telephony demo. */
    static final String ARTLAND_NUMBER = "+4954311820";

    private final TenantRepository tenantRepository;
    private final TenantService tenants;
    private final DepartmentService departments;
    private final ServiceCenterService serviceCenters;
    private final AgreementService agreements;

    TenancyDemoData(
            TenantRepository tenantRepository,
            TenantService tenants,
            DepartmentService departments,
            ServiceCenterService serviceCenters,
            AgreementService agreements) {
        this.tenantRepository = tenantRepository;
        this.tenants = tenants;
        this.departments = departments;
        this.serviceCenters = serviceCenters;
        this.agreements = agreements;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (tenantRepository.count() == 0) {
            SystemActor.run(this::load);
        }
    }

    private void load() {
        var serviceCenter = serviceCenters.create(new ServiceCenterData(
                "ServiceCenter der Stadt Oldenburg", "servicecenter@oldenburg.example", "+494412354444"));

        tenants.create(new TenantData(
                "oldenburg",
                "Stadt Oldenburg",
                TenantType.CITY,
                "03403000",
                FederalState.NI,
                List.of("+494412350", "+494412354444"),
                "Stadt Oldenburg, ServiceCenter, guten Tag, mein Name ist …",
                "https://www.oldenburg.de",
                new OpeningHours(
                        weekdays(range(7, 0, 18, 0), range(7, 0, 18, 0)),
                        List.of(
                                new OpeningException(
                                        LocalDate.of(2026, 12, 24),
                                        List.of(range(8, 0, 12, 0)),
                                        "Heiligabend: nur vormittags"),
                                new OpeningException(
                                        LocalDate.of(2026, 12, 31),
                                        List.of(range(8, 0, 12, 0)),
                                        "Silvester: nur vormittags")))));
        departments.create(
                "oldenburg",
                new DepartmentData(
                        "Bürgerbüro Mitte",
                        "buergerbuero@oldenburg.example",
                        "2222",
                        List.of("Meldewesen", "Personalausweis", "Reisepass", "Führungszeugnis")));
        departments.create(
                "oldenburg",
                new DepartmentData(
                        "Straßenverkehrsamt",
                        "verkehr@oldenburg.example",
                        "2300",
                        List.of("Kfz-Zulassung", "Führerschein", "Parkausweis")));
        departments.create(
                "oldenburg",
                new DepartmentData(
                        "Standesamt",
                        "standesamt@oldenburg.example",
                        "2410",
                        List.of("Geburt", "Eheschließung", "Sterbefall")));
        departments.create(
                "oldenburg",
                new DepartmentData(
                        "Ordnungsamt",
                        "ordnungsamt@oldenburg.example",
                        "2500",
                        List.of("Gewerbe", "Verwarnungsgeld", "Fundsachen")));

        // Samtgemeinden are associations of municipalities without an AGS of their own; the demo uses a key
        // of Landkreis Osnabrück (03459…).
        tenants.create(new TenantData(
                "artland",
                "Samtgemeinde Artland",
                TenantType.COLLECTIVE_MUNICIPALITY,
                "03459029",
                FederalState.NI,
                List.of(ARTLAND_NUMBER),
                "Samtgemeinde Artland, ServiceCenter, guten Tag, mein Name ist …",
                "https://www.artland.de",
                new OpeningHours(
                        weekdays(range(8, 0, 17, 0), range(8, 0, 13, 0)),
                        List.of(new OpeningException(
                                LocalDate.of(2026, 12, 24), List.of(), "Heiligabend geschlossen")))));
        departments.create(
                "artland",
                new DepartmentData(
                        "Bürgerbüro",
                        "buergerbuero@artland.example",
                        "120",
                        List.of("Meldewesen", "Personalausweis", "Reisepass"),
                        "leitung.buergerbuero@artland.example"));
        departments.create(
                "artland",
                new DepartmentData(
                        "Bauamt",
                        "bauamt@artland.example",
                        "310",
                        List.of("Bauantrag", "Bauvoranfrage"),
                        "leitung.bauamt@artland.example"));
        departments.create(
                "artland",
                new DepartmentData(
                        "Ordnungsamt",
                        "ordnungsamt@artland.example",
                        "220",
                        List.of("Gewerbe", "Fundsachen", "Hundesteuer"),
                        "leitung.ordnungsamt@artland.example"));

        // The 115 service promise: 75 % in 30 s; the cooperation aims higher (80 % in 20 s).
        agreements.create(new AgreementData(
                serviceCenter.id(),
                "artland",
                EnumSet.of(Channel.PHONE),
                LocalDate.of(2010, 11, 1),
                LocalDate.of(2011, 4, 30),
                null,
                new ServiceLevelTarget(new BigDecimal("80.00"), 20),
                20,
                new BigDecimal("65.00"),
                new BigDecimal("1.85"),
                AgreementStatus.ACTIVE));
        agreements.create(new AgreementData(
                serviceCenter.id(),
                "oldenburg",
                EnumSet.of(Channel.PHONE, Channel.WEB, Channel.EMAIL),
                LocalDate.of(2008, 1, 1),
                null,
                null,
                new ServiceLevelTarget(new BigDecimal("80.00"), 20),
                20,
                new BigDecimal("65.00"),
                new BigDecimal("0.00"),
                AgreementStatus.ACTIVE));
    }

    /** Monday to Thursday with {@code monToThu}, Friday with {@code friday}. */
    private static Map<DayOfWeek, List<TimeRange>> weekdays(TimeRange monToThu, TimeRange friday) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            week.put(day, List.of(monToThu));
        }
        week.put(DayOfWeek.FRIDAY, List.of(friday));
        return week;
    }

    private static TimeRange range(int fromHour, int fromMinute, int toHour, int toMinute) {
        return new TimeRange(LocalTime.of(fromHour, fromMinute), LocalTime.of(toHour, toMinute));
    }
}
