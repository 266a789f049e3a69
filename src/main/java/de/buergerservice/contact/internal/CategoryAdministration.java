package de.buergerservice.contact.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.shared.audit.ChangeRecorder;
import de.buergerservice.shared.web.InvalidFieldsException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.AgreementInfo;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The free concern categories an agent picks from when a contact is no service of the knowledge base, edited per
 * ServiceCenter by its supervisors and administrators. A ServiceCenter without a list of its own uses the default
 * list; saving an empty list returns to it. Categories documented on earlier contacts stay on them as text.
 */
@Service
@Transactional
public class CategoryAdministration {

    public static final String EDIT = "hasAnyRole('ADMIN', 'SUPERVISOR')";
    static final int MAX_CATEGORIES = 50;
    static final int MAX_LENGTH = 100;
    static final String AUDIT_TYPE = "ContactCategories";

    /** A ServiceCenter's list: {@code own} false when it uses the default list (then {@code categories} is that). */
    public record CategoryList(
            UUID serviceCenterId, List<String> municipalities, boolean own, List<String> categories) {}

    /** What a supervisor saves: the categories in the order agents see them. */
    public record CategoryListData(List<String> categories) {}

    private final JdbcTemplate jdbc;
    private final TenantDirectory tenants;
    private final ChangeRecorder changes;

    CategoryAdministration(JdbcTemplate jdbc, TenantDirectory tenants, ChangeRecorder changes) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.changes = changes;
    }

    /** The ServiceCenters that serve a municipality (by agreement), each with its list. */
    @PreAuthorize(EDIT)
    @Transactional(readOnly = true)
    public List<CategoryList> all() {
        return serviceCenters().stream().map(this::get).toList();
    }

    @PreAuthorize(EDIT)
    @Transactional(readOnly = true)
    public CategoryList get(UUID serviceCenterId) {
        List<String> municipalities = municipalitiesOf(serviceCenterId);
        if (municipalities.isEmpty()) {
            throw new ResourceNotFoundException("serviceCenter");
        }
        List<String> own = own(serviceCenterId);
        return new CategoryList(serviceCenterId, municipalities, !own.isEmpty(), own.isEmpty() ? defaults() : own);
    }

    /** Replaces the ServiceCenter's list; every rejected entry is named at once ({@code categories[i]}). */
    @PreAuthorize(EDIT)
    public CategoryList replace(UUID serviceCenterId, CategoryListData data) {
        CategoryList before = get(serviceCenterId);
        List<String> categories = validated(data);
        jdbc.update("delete from contact_category where service_center_id = ?", serviceCenterId);
        for (int i = 0; i < categories.size(); i++) {
            jdbc.update(
                    "insert into contact_category (id, service_center_id, name, position) values (?, ?, ?, ?)",
                    UUID.randomUUID(),
                    serviceCenterId,
                    categories.get(i),
                    i + 1);
        }
        CategoryList after = get(serviceCenterId);
        changes.updated(AUDIT_TYPE, serviceCenterId, null, before, after);
        return after;
    }

    static List<String> validated(CategoryListData data) {
        List<String> given = data == null || data.categories() == null ? List.of() : data.categories();
        List<InvalidFieldsException.Error> errors = new ArrayList<>();
        if (given.size() > MAX_CATEGORIES) {
            errors.add(error("categories", "validation.categories.tooMany", MAX_CATEGORIES));
        }
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String name = given.get(i) == null ? "" : given.get(i).strip();
            String field = "categories[" + i + "]";
            if (name.isEmpty()) {
                errors.add(error(field, "validation.category.blank"));
            } else if (name.length() > MAX_LENGTH) {
                errors.add(error(field, "validation.category.tooLong", MAX_LENGTH));
            } else if (!seen.add(name.toLowerCase(Locale.GERMAN))) {
                errors.add(error(field, "validation.category.duplicate", name));
            } else {
                result.add(name);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return result;
    }

    private static InvalidFieldsException.Error error(String field, String code, Object... args) {
        return new InvalidFieldsException.Error(field, code, args, null);
    }

    private List<String> own(UUID serviceCenterId) {
        return jdbc.queryForList(
                "select name from contact_category where service_center_id = ? order by position, name",
                String.class,
                serviceCenterId);
    }

    private List<String> defaults() {
        return jdbc.queryForList(
                "select name from contact_category where service_center_id is null order by position, name",
                String.class);
    }

    private List<UUID> serviceCenters() {
        return tenants.findAll().stream()
                .flatMap(t -> tenants.agreementsFor(t.id()).stream())
                .map(AgreementInfo::serviceCenterId)
                .distinct()
                .toList();
    }

    private List<String> municipalitiesOf(UUID serviceCenterId) {
        return tenants.findAll().stream()
                .filter(t -> tenants.agreementsFor(t.id()).stream()
                        .anyMatch(a -> a.serviceCenterId().equals(serviceCenterId)))
                .map(TenantInfo::name)
                .sorted()
                .toList();
    }
}
