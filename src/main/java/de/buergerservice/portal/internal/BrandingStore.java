package de.buergerservice.portal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code portal_branding} (V140): one row per municipality, read and written with plain SQL. */
@Repository
class BrandingStore {

    private static final String COLUMNS = "tenant_id, primary_colour, logo is not null as has_logo, address, "
            + "imprint_url, privacy_url, feedback_email, easy_language, sign_language, sign_language_video_url, "
            + "featured_services, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    BrandingStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Branding> find(UUID tenantId) {
        return jdbc.sql("select " + COLUMNS + " from portal_branding where tenant_id = ?")
                .param(tenantId)
                .query(BrandingStore::branding)
                .optional();
    }

    void save(UUID tenantId, BrandingData data) {
        Object[] values = {
            data.primaryColour(),
            data.address(),
            data.imprintUrl(),
            data.privacyUrl(),
            data.feedbackEmail(),
            data.easyLanguage(),
            data.signLanguage(),
            data.signLanguageVideoUrl(),
            String.join(
                    ",", data.featuredServices().stream().map(UUID::toString).toList()),
            Timestamp.from(clock.instant()),
            tenantId
        };
        int updated = jdbc.sql("update portal_branding set primary_colour = ?, address = ?, imprint_url = ?, "
                        + "privacy_url = ?, feedback_email = ?, easy_language = ?, sign_language = ?, "
                        + "sign_language_video_url = ?, featured_services = ?, updated_at = ? where tenant_id = ?")
                .params(values)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into portal_branding (primary_colour, address, imprint_url, privacy_url, "
                            + "feedback_email, easy_language, sign_language, sign_language_video_url, "
                            + "featured_services, updated_at, tenant_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values)
                    .update();
        }
    }

    void saveLogo(UUID tenantId, byte[] image, String type) {
        if (find(tenantId).isEmpty()) {
            save(tenantId, new BrandingData(Branding.DEFAULT_COLOUR, null, null, null, null, null, null, null, null));
        }
        jdbc.sql("update portal_branding set logo = ?, logo_type = ?, updated_at = ? where tenant_id = ?")
                .params(image, type, Timestamp.from(clock.instant()), tenantId)
                .update();
    }

    Optional<Logo> logo(UUID tenantId) {
        return jdbc.sql(
                        "select logo, logo_type, updated_at from portal_branding where tenant_id = ? and logo is not null")
                .param(tenantId)
                .query((rs, n) -> new Logo(
                        rs.getBytes(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    void delete(UUID tenantId) {
        jdbc.sql("delete from portal_branding where tenant_id = ?")
                .param(tenantId)
                .update();
    }

    private static Branding branding(ResultSet rs, int row) throws SQLException {
        String featured = rs.getString("featured_services");
        List<UUID> services = featured == null || featured.isBlank()
                ? List.of()
                : Arrays.stream(featured.split(",")).map(UUID::fromString).toList();
        return new Branding(
                rs.getObject("tenant_id", UUID.class),
                rs.getString("primary_colour"),
                rs.getBoolean("has_logo"),
                rs.getString("address"),
                rs.getString("imprint_url"),
                rs.getString("privacy_url"),
                rs.getString("feedback_email"),
                rs.getString("easy_language"),
                rs.getString("sign_language"),
                rs.getString("sign_language_video_url"),
                services,
                rs.getTimestamp("updated_at").toInstant());
    }
}
