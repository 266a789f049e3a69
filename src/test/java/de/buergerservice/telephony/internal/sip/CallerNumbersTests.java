package de.buergerservice.telephony.internal.sip;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sip.SipFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

import org.junit.jupiter.api.Test;

/** The caller's number from the INVITE's From; withheld numbers (RFC 3323) stay withheld. */
class CallerNumbersTests {

    static Request invite(String from, String extraHeader) throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        MessageFactory messages = factory.createMessageFactory();
        String text = "INVITE sip:+4954311820@127.0.0.1:5070 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5091;branch=z9hG4bK-1\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + from + ";tag=abc\r\n"
                + "To: <sip:+4954311820@127.0.0.1>\r\n"
                + "Call-ID: caller-number-test\r\n"
                + "CSeq: 1 INVITE\r\n"
                + extraHeader
                + "Content-Length: 0\r\n\r\n";
        return messages.createRequest(text);
    }

    @Test
    void givenNumberInFrom_thenItIsTheCallerNumber() throws Exception {
        assertThat(CallerNumbers.of(invite("\"Erika\" <sip:+4954319876543@trunk.example>", "")))
                .isEqualTo("+4954319876543");
        assertThat(CallerNumbers.of(invite("<sip:054319876543@trunk.example>", "")))
                .isEqualTo("054319876543");
    }

    @Test
    void givenAnonymousFrom_thenNoNumber() throws Exception {
        assertThat(CallerNumbers.of(invite("\"Anonymous\" <sip:anonymous@anonymous.invalid>", "")))
                .isNull();
        assertThat(CallerNumbers.of(invite("<sip:anonymous@trunk.example>", "")))
                .isNull();
        assertThat(CallerNumbers.of(invite("<sip:trunk.example>", ""))).isNull();
    }

    @Test
    void givenPrivacyHeader_thenNoNumber() throws Exception {
        assertThat(CallerNumbers.of(invite("<sip:+4954319876543@trunk.example>", "Privacy: id\r\n")))
                .isNull();
        assertThat(CallerNumbers.of(invite("<sip:+4954319876543@trunk.example>", "Privacy: header;user\r\n")))
                .isNull();
        assertThat(CallerNumbers.of(invite("<sip:+4954319876543@trunk.example>", "Privacy: none\r\n")))
                .isEqualTo("+4954319876543");
    }
}
