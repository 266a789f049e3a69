package de.buergerservice.portal.web;

/** An unknown municipality, service or department on a portal page: answered with the German 404 page. */
class PortalNotFoundException extends RuntimeException {

    /** Message code of the page's text: {@code portal.notFound.<kind>}. */
    final String kind;

    PortalNotFoundException(String kind) {
        super(kind, null, false, false);
        this.kind = kind;
    }
}
