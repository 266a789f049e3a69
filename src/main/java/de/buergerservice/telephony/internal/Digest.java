package de.buergerservice.telephony.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** RFC 2617 / RFC 8760 digest arithmetic (MD5 and SHA-256). */
public final class Digest {

    /**
     * One MD5 per thread: the proxy takes a digest for every tag and stateless branch it makes (several per call),
     * and looking the algorithm up in the security providers each time cost more than the digest itself.
     */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private Digest() {}

    public static String md5Hex(String text) {
        MessageDigest md5 = MD5.get();
        md5.reset();
        return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public static String sha256Hex(String text) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** RFC 8760 §2: HA1 = SHA-256(user:realm:password), stored beside the MD5 one so either challenge can be met. */
    public static String ha1Sha256(String user, String realm, String password) {
        return sha256Hex(user + ":" + realm + ":" + password);
    }

    /** HA1 = MD5(user:realm:password): what the registrar stores instead of the password. */
    public static String ha1(String user, String realm, String password) {
        return md5Hex(user + ":" + realm + ":" + password);
    }
}
