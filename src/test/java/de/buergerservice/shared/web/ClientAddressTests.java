package de.buergerservice.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** X-Forwarded-For is believed from trusted proxies only, and only up to the first address they did not add. */
class ClientAddressTests {

    static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void givenNoTrustedProxy_thenTheHeaderIsIgnored() {
        ClientAddress clients = new ClientAddress(List.of());
        assertThat(clients.of(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void givenRequestFromTrustedProxy_thenTheForwardedClient() {
        ClientAddress clients = new ClientAddress(List.of("10.0.0.0/8"));
        assertThat(clients.of(request("10.1.2.3", "198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void givenRequestFromElsewhere_thenTheHeaderIsIgnored() {
        ClientAddress clients = new ClientAddress(List.of("10.0.0.0/8"));
        assertThat(clients.of(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void givenAddressesTheClientWroteItself_thenTheRightMostUntrustedOne() {
        // the client sent "X-Forwarded-For: 1.2.3.4"; the proxies appended the client's real address
        ClientAddress clients = new ClientAddress(List.of("10.0.0.1", "10.0.0.2"));
        assertThat(clients.of(request("10.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void givenGarbageInTheChain_thenTheLastTrustedHop() {
        ClientAddress clients = new ClientAddress(List.of("10.0.0.1"));
        assertThat(clients.of(request("10.0.0.1", "evil.example.org"))).isEqualTo("10.0.0.1");
    }

    @Test
    void givenIpv6Proxy_thenMatchedByRange() {
        ClientAddress clients = new ClientAddress(List.of("fd00::/8"));
        assertThat(clients.of(request("fd12::1", "2001:db8::5"))).isEqualTo("2001:db8::5");
    }

    @Test
    void givenInvalidConfiguration_thenSaysWhich() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example.org")))
                .hasMessageContaining("trusted-proxies")
                .hasMessageContaining("proxy.example.org");
    }
}
