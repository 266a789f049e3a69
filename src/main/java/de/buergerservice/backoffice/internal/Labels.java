package de.buergerservice.backoffice.internal;

import de.buergerservice.backoffice.TicketStatus;
import de.buergerservice.contact.HandOffKind;

/** German names of kinds and statuses in mails (the pages take theirs from the message bundle). */
final class Labels {

    private Labels() {}

    static String kind(HandOffKind kind) {
        return switch (kind) {
            case CALLBACK -> "Rückruf";
            case ANSWER_BY_MAIL -> "Antwort per E-Mail";
            case FORWARD -> "Weiterleitung";
        };
    }

    static String status(TicketStatus status) {
        return switch (status) {
            case NEW -> "neu";
            case IN_PROGRESS -> "in Bearbeitung";
            case RETURNED -> "an das ServiceCenter zurückgegeben";
            case CLOSED -> "erledigt";
        };
    }
}
