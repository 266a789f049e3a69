package de.buergerservice.telephony.internal.sip;

import java.util.Properties;

import javax.sip.PeerUnavailableException;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransaction;
import gov.nist.javax.sip.stack.ServerResponseInterface;

/**
 * The JAIN-SIP RI stack, minus one linear search. For a response that matches no client transaction by its key, the
 * RI walks <em>every</em> client transaction it holds and asks each whether the response belongs to it — the RFC
 * 2543 way of matching, for branches without RFC 3261's magic cookie. The proxy receives such a response for every
 * call (the 200 of the BYE it forwards statelessly, a retransmitted 2xx of an answered call), and the stack holds
 * thousands of client transactions under load: measured at 300 calls/s (JFR, issue 11) the search was about 5 % of
 * the server's CPU, growing with rate × table size. RFC 3261 §17.1.3 matches a response with a magic-cookie branch
 * by branch and CSeq method alone — the key the lookup already used — so for those the search can find nothing
 * the lookup missed, and the response goes on statelessly to the listener, as the RI does after its search finds
 * nothing. Branches without the cookie keep the RI's search.
 */
class ProxySipStack extends SipStackImpl {

    private static final String MAGIC_COOKIE_LOWER_CASE = "z9hg4bk";

    ProxySipStack(Properties properties) throws PeerUnavailableException {
        super(properties);
    }

    @Override
    public ServerResponseInterface newSIPServerResponse(SIPResponse response, MessageChannel channel) {
        String key = response.getTransactionId();
        if (sipMessageValves.isEmpty() && key != null && key.startsWith(MAGIC_COOKIE_LOWER_CASE)) {
            SIPTransaction transaction = findTransaction(key, false);
            if (transaction == null) {
                return sipMessageFactory.newSIPServerResponse(response, channel);
            }
        }
        return super.newSIPServerResponse(response, channel);
    }
}
