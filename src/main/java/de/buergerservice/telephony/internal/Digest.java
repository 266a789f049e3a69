package de.buergerservice.telephony.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** RFC 2617 / RFC 8760 digest arithmetic (MD5). */
public final class Digest {

    private Digest() {}

    public static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HA1 = MD5(user:realm:password): what the registrar stores instead of the password. */
    public static String ha1(String user, String realm, String password) {
        return md5Hex(user + ":" + realm + ":" + password);
    }
}
