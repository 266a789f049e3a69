package de.buergerservice.telephony.internal.sip;

import java.util.Iterator;
import java.util.Locale;

import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;

/**
 * The caller's number as the INVITE's From carries it, for the contact desk (earlier contacts of the same number).
 * A caller who withholds the number stays anonymous: RFC 3323's {@code anonymous} From ({@code
 * sip:anonymous@anonymous.invalid}) or a {@code Privacy} header asking to hide the user or header gives null, as does
 * a From without a user part.
 */
public final class CallerNumbers {

    /** The {@code call_event.caller_number} column's width. */
    static final int MAX_LENGTH = 64;

    private CallerNumbers() {}

    public static String of(Request invite) {
        if (hidden(invite)) {
            return null;
        }
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        if (from == null || from.getAddress() == null) {
            return null;
        }
        URI uri = from.getAddress().getURI();
        String user = null;
        if (uri instanceof SipURI sip) {
            if (sip.getHost() != null && sip.getHost().toLowerCase(Locale.ROOT).endsWith("anonymous.invalid")) {
                return null;
            }
            user = sip.getUser();
        } else if (uri instanceof TelURL tel) {
            user = tel.getPhoneNumber();
        }
        if (user == null || user.isBlank() || user.equalsIgnoreCase("anonymous")) {
            return null;
        }
        return user.length() <= MAX_LENGTH ? user : user.substring(0, MAX_LENGTH);
    }

    private static boolean hidden(Request invite) {
        Iterator<?> privacy = invite.getHeaders("Privacy");
        while (privacy != null && privacy.hasNext()) {
            String value = privacy.next() instanceof Header h ? h.toString() : "";
            String values = value.substring(value.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            for (String token : values.split("[;,\\s]+")) {
                if (token.equals("user") || token.equals("header") || token.equals("id")) {
                    return true;
                }
            }
        }
        return false;
    }
}
