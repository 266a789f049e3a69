package de.buergerservice.identity;

import static de.buergerservice.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.buergerservice.IntegrationTest;
import de.buergerservice.identity.LoginThrottle.Refusal;

/**
 * Login throttling and lock-out ({@link LoginThrottle}) on the login form and HTTP Basic: five failures in a row
 * lock a name for 15 minutes (403, even with the right password), thirty failures from one address throttle it
 * (429). Unknown names are answered exactly like existing ones. Each test uses its own names and client address
 * (a documentation range), so nothing here locks a demo user of the shared context.
 */
@IntegrationTest
class LoginThrottleTests {

    static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    static final String PASSWORD = "Sperr-Probe-" + UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    LoginThrottle throttle;

    /** A client address of its own for each test (198.18.0.0/15, the benchmarking range). */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String freshAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    static String freshName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String createUser(String username) {
        MvcTestResult created = mvc.post()
                .uri("/api/v1/users")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username": "%s", "displayName": "Sperr-Probe", "password": "%s", "enabled": true,
                         "roles": ["AGENT"], "tenants": [], "departmentIds": []}""".formatted(username, PASSWORD))
                .exchange();
        assertThat(created).hasStatus(201);
        return username;
    }

    MvcTestResult formLogin(String username, String password, String address) {
        return mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(from(address))
                .exchange();
    }

    MvcTestResult basic(String username, String password, String address) {
        return mvc.get()
                .uri("/api/v1/me")
                .with(httpBasic(username, password))
                .with(from(address))
                .exchange();
    }

    @Nested
    class LoginForm {

        @Test
        void givenFiveWrongPasswords_thenLockedWithGermanMessageEvenForTheRightPassword() {
            String user = createUser(freshName("sperre"));
            String address = freshAddress();
            for (int i = 0; i < 5; i++) {
                assertThat(formLogin(user, "falsch-falsch-" + i, address))
                        .hasStatus(302)
                        .hasRedirectedUrl("/login?error");
            }
            MvcTestResult locked = formLogin(user, PASSWORD, address);
            assertThat(locked).hasStatus(403).hasForwardedUrl("/login");
            assertThat(locked.getResponse().getHeader("Retry-After")).isEqualTo("900");
            assertThat(locked.getRequest().getAttribute("loginRefusal")).isEqualTo("login.locked");
            assertThat(locked.getRequest().getAttribute("loginRetryMinutes")).isEqualTo(15L);
            // and from any other address too: the lock is on the name
            assertThat(formLogin(user, PASSWORD, freshAddress())).hasStatus(403);
        }

        @Test
        void givenUnknownName_thenSameAnswersAsForAnExistingOne() {
            String known = createUser(freshName("bekannt"));
            String unknown = freshName("unbekannt");
            String address = freshAddress();
            for (int i = 0; i < 5; i++) {
                MvcTestResult a = formLogin(known, "falsch-falsch", address);
                MvcTestResult b = formLogin(unknown, "falsch-falsch", address);
                assertThat(b.getResponse().getStatus())
                        .isEqualTo(a.getResponse().getStatus());
                assertThat(b.getResponse().getRedirectedUrl())
                        .isEqualTo(a.getResponse().getRedirectedUrl());
            }
            MvcTestResult a = formLogin(known, "falsch-falsch", address);
            MvcTestResult b = formLogin(unknown, "falsch-falsch", address);
            assertThat(a).hasStatus(403);
            assertThat(b).hasStatus(403);
            assertThat(b.getResponse().getHeader("Retry-After"))
                    .isEqualTo(a.getResponse().getHeader("Retry-After"));
        }

        @Test
        void givenSuccessBetweenFailures_thenCountStartsAgain() {
            String user = createUser(freshName("erfolg"));
            String address = freshAddress();
            for (int i = 0; i < 4; i++) {
                formLogin(user, "falsch-falsch", address);
            }
            assertThat(formLogin(user, PASSWORD, address)).hasStatus(302).hasRedirectedUrl("/");
            for (int i = 0; i < 4; i++) {
                formLogin(user, "falsch-falsch", address);
            }
            assertThat(formLogin(user, PASSWORD, address)).hasStatus(302).hasRedirectedUrl("/");
        }

        @Test
        void givenThirtyFailuresFromOneAddress_thenThrottledWith429() {
            String address = freshAddress();
            for (int i = 0; i < 30; i++) {
                assertThat(formLogin(freshName("spray"), "Sommer2026!", address))
                        .hasStatus(302);
            }
            MvcTestResult throttled = formLogin(freshName("spray"), "Sommer2026!", address);
            assertThat(throttled).hasStatus(429).hasForwardedUrl("/login");
            assertThat(Long.parseLong(throttled.getResponse().getHeader("Retry-After")))
                    .isBetween(1L, 600L);
            assertThat(throttled.getRequest().getAttribute("loginRefusal")).isEqualTo("login.throttled");
            // another client is not affected
            assertThat(formLogin(freshName("spray"), "Sommer2026!", freshAddress()))
                    .hasStatus(302)
                    .hasRedirectedUrl("/login?error");
        }

        @Test
        void givenForwardedForFromAnUntrustedClient_thenTheHeaderIsIgnored() {
            String address = freshAddress();
            for (int i = 0; i < 30; i++) {
                mvc.post()
                        .uri("/login")
                        .param("username", freshName("xff"))
                        .param("password", "falsch-falsch")
                        .header("X-Forwarded-For", "203.0.113." + (i + 1))
                        .with(csrf())
                        .with(from(address))
                        .exchange();
            }
            assertThat(formLogin(freshName("xff"), "falsch-falsch", address)).hasStatus(429);
        }
    }

    @Nested
    class HttpBasic {

        @Test
        void givenFiveWrongPasswords_thenLocked403ProblemInGerman() {
            String user = createUser(freshName("basic"));
            String address = freshAddress();
            for (int i = 0; i < 5; i++) {
                assertThat(basic(user, "falsch-falsch", address)).hasStatus(401);
            }
            MvcTestResult locked = basic(user, PASSWORD, address);
            assertThat(locked).hasStatus(403);
            assertThat(locked.getResponse().getContentType()).isEqualTo("application/problem+json");
            assertThat(locked.getResponse().getHeader("Retry-After")).isEqualTo("900");
            assertThat(locked.getResponse().getHeader("WWW-Authenticate")).isNull();
            assertThat(body(locked))
                    .contains("Zu viele fehlgeschlagene Anmeldeversuche für diesen Benutzernamen")
                    .contains("15 Minuten");
        }

        @Test
        void givenUnknownName_thenSameAnswersAsForAnExistingOne() {
            String known = createUser(freshName("basic-bekannt"));
            String unknown = freshName("basic-unbekannt");
            String address = freshAddress();
            for (int i = 0; i < 6; i++) {
                MvcTestResult a = basic(known, "falsch-falsch", address);
                MvcTestResult b = basic(unknown, "falsch-falsch", address);
                assertThat(b.getResponse().getStatus())
                        .isEqualTo(a.getResponse().getStatus());
                assertThat(body(b).replace(unknown, "")).isEqualTo(body(a).replace(known, ""));
            }
        }

        @Test
        void givenThirtyFailuresFromOneAddress_thenThrottled429() {
            String address = freshAddress();
            for (int i = 0; i < 30; i++) {
                assertThat(basic(freshName("basic-spray"), "Sommer2026!", address))
                        .hasStatus(401);
            }
            MvcTestResult throttled = basic(freshName("basic-spray"), "Sommer2026!", address);
            assertThat(throttled).hasStatus(429);
            assertThat(throttled.getResponse().getHeader("Retry-After")).isNotNull();
            assertThat(body(throttled)).contains("Zu viele fehlgeschlagene Anmeldeversuche von Ihrer Adresse");
        }

        @Test
        void givenEnglishClient_thenEnglishMessage() {
            String user = freshName("basic-en");
            String address = freshAddress();
            for (int i = 0; i < 5; i++) {
                basic(user, "wrong-wrong", address);
            }
            MvcTestResult locked = mvc.get()
                    .uri("/api/v1/me")
                    .with(httpBasic(user, "wrong-wrong"))
                    .with(from(address))
                    .header("Accept-Language", "en")
                    .exchange();
            assertThat(locked).hasStatus(403);
            assertThat(body(locked)).contains("Signing in is locked for 15 minutes");
        }
    }

    /** The API the SIP registrar calls for REGISTER digest failures. */
    @Nested
    class Api {

        @Test
        void givenSipNameFailingFiveTimes_thenLockedWithoutLockingTheWebUser() {
            String phone = "sip:" + freshName("telefon");
            String address = freshAddress();
            for (int i = 0; i < 5; i++) {
                assertThat(throttle.check(phone, address)).isEmpty();
                throttle.failed(phone, address);
            }
            Refusal refusal = throttle.check(phone, address).orElseThrow();
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.LOCKED);
            assertThat(refusal.retryAfterSeconds()).isBetween(899L, 900L);
            assertThat(throttle.check(phone.substring(4), freshAddress())).isEmpty();
        }

        @Test
        void givenSuccess_thenNameIsFree() {
            String phone = "sip:" + freshName("telefon");
            String address = freshAddress();
            for (int i = 0; i < 4; i++) {
                throttle.failed(phone, address);
            }
            throttle.succeeded(phone, address);
            throttle.failed(phone, address);
            assertThat(throttle.check(phone, address)).isEmpty();
        }

        @Test
        void givenNamesDifferingInCase_thenOneName() {
            String name = freshName("Gross");
            String address = freshAddress();
            for (int i = 0; i < 5; i++) {
                throttle.failed(i % 2 == 0 ? name.toUpperCase() : name.toLowerCase(), address);
            }
            assertThat(throttle.check(name, freshAddress())).isPresent();
        }
    }
}
