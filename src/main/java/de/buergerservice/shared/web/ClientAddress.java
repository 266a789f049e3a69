package de.buergerservice.shared.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address of the client behind a request, for rate limits and login throttling. {@code X-Forwarded-For} is
 * believed only when the request comes from one of the configured trusted proxies
 * ({@code buergerservice.security.trusted-proxies}, addresses or CIDR ranges, empty by default): anybody else
 * could write any address there and get a fresh bucket with each request. Of the forwarded chain, the right-most
 * address that is not itself a trusted proxy is the client.
 */
@Component
public class ClientAddress {

    private final List<Range> trusted;

    public ClientAddress(@Value("${buergerservice.security.trusted-proxies:}") List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                ranges.add(Range.parse(entry.strip()));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    /** The client's address as this product sees it. */
    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(remote)) {
            return remote;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isLiteralAddress(hop)) {
                // garbage in the chain: what lies left of it was written by the client
                return remote;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
            remote = hop;
        }
        return remote;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    private static boolean isLiteralAddress(String text) {
        return literal(text) != null;
    }

    /** The bytes of an IPv4 or IPv6 literal, never a DNS look-up; null if {@code text} is none. */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45 || !text.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(address);
            if (bytes == null) {
                throw new IllegalArgumentException(
                        "buergerservice.security.trusted-proxies: not an IP address or CIDR range: " + entry);
            }
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            return new Range(bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE
                    .shiftLeft(bits)
                    .subtract(BigInteger.ONE)
                    .shiftRight(prefix)
                    .not();
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
