package de.buergerservice.telephony.internal.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The raw-text checks the stack's parser does not make (issue 11, finding 7), without a stack. */
class GuardedParserFactoryTests {

    static String request(String startLine, String headers) {
        return startLine + "\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK1\r\nMax-Forwards: 70\r\n"
                + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\n"
                + headers + "Content-Length: 0\r\n\r\n";
    }

    static RequestValidator.Refusal inspect(String text) {
        return GuardedParserFactory.inspect(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenWellFormedRequest_thenNothingToRefuse() {
        assertThat(inspect(request("INVITE sip:x@127.0.0.1 SIP/2.0", ""))).isNull();
        assertThat(inspect("\r\n\r\n" + request("OPTIONS sip:127.0.0.1 sip/2.0", "")))
                .isNull();
        assertThat(inspect(request("INVITE sip:x@127.0.0.1 SIP/2.0", "").replace("\r\n", "\n")))
                .isNull();
        assertThat(inspect(request("INVITE sip:x@127.0.0.1 SIP/2.0", "Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK2\r\n")))
                .as("Via may repeat")
                .isNull();
    }

    @Test
    void givenOtherVersion_then505() {
        assertThat(inspect(request("INVITE sip:x@127.0.0.1 SIP/3.0", "")).status())
                .isEqualTo(505);
        assertThat(inspect(request("INVITE sip:x@127.0.0.1 SIP/2.00", "")).status())
                .isEqualTo(505);
        assertThat(inspect(request("INVITE sip:x@127.0.0.1", "")).status()).isEqualTo(505);
    }

    @Test
    void givenSingleHeaderTwice_then400_alsoInCompactForm() {
        assertThat(inspect(request("INVITE sip:x@127.0.0.1 SIP/2.0", "Call-ID: c2\r\n"))
                        .status())
                .isEqualTo(400);
        assertThat(inspect(request("INVITE sip:x@127.0.0.1 SIP/2.0", "i: c2\r\n"))
                        .reason())
                .isEqualTo("Kopfzeile mehrfach: call-id");
        assertThat(inspect(request("INVITE sip:x@127.0.0.1 SIP/2.0", "CSEQ: 2 INVITE\r\n"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void givenHeaderLineOverLimit_then400() {
        String line = "Subject: " + "s".repeat(RequestValidator.MAX_HEADER) + "\r\n";
        assertThat(inspect(request("INVITE sip:x@127.0.0.1 SIP/2.0", line)).reason())
                .isEqualTo("Kopfzeile zu lang");
        String body = "x".repeat(5000); // the body is not the head: no limit from here
        assertThat(inspect(request("INVITE sip:x@127.0.0.1 SIP/2.0", "") + body))
                .isNull();
    }
}
