package de.buergerservice.portal.internal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which paths are the public portal: {@code /{slug}/} and the portal's own pages below it, and the JSON feed under
 * {@code /api/public/v1/}. Only these shapes are opened to anonymous visitors; a first segment that names a page of
 * the product itself ({@code admin}, {@code knowledge}, …) is never a municipality's portal, whatever slug a
 * municipality was given.
 */
public final class PortalPaths {

    /** The portal's pages below {@code /{slug}/}; German words no staff page uses. */
    private static final Pattern PAGE = Pattern.compile("^/([a-z0-9]+(?:-[a-z0-9]+)*)(/(?:"
            + "|leistungen(?:/[^/]{1,80}(?:/druck)?)?|suche|fachbereiche(?:/[^/]{1,80})?|kontakt|barrierefreiheit"
            + "|leichte-sprache|gebaerdensprache|sitemap\\.xml|marke\\.css|logo"
            // online applications: a form's steps, summary, submit, confirmation; the status look-up
            + "|antraege/[a-z0-9][a-z0-9-]{0,79}(?:/(?:zusammenfassung|absenden|eingegangen))?"
            + "|antragsstatus(?:/(?:vorgang|eingangsbestaetigung))?))?$");

    /** First path segments of the product's own pages and resources (and of the modules still to come). */
    static final Set<String> RESERVED = Set.of(
            "admin",
            "api",
            "actuator",
            "knowledge",
            "telephony",
            "contact",
            "backoffice",
            "reporting",
            "planning",
            "applications",
            "login",
            "logout",
            "dashboard",
            "css",
            "js",
            "img",
            "webjars",
            "error");

    public static final String FEED = "/api/public/v1/";

    private PortalPaths() {}

    /**
     * Whether {@code path} (without context path) is a portal page. The bare {@code /{slug}} (which redirects to
     * {@code /{slug}/}) counts only when {@code knownSlug} says the slug is a municipality's.
     */
    public static boolean isPortalPage(String path, java.util.function.Predicate<String> knownSlug) {
        Matcher m = PAGE.matcher(path);
        if (!m.matches() || RESERVED.contains(m.group(1))) {
            return false;
        }
        return m.group(2) != null || knownSlug.test(m.group(1));
    }

    public static boolean isFeed(String path) {
        return path.startsWith(FEED);
    }
}
