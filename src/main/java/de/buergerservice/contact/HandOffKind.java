package de.buergerservice.contact;

/** What the back office is asked to do with a hand-off. */
public enum HandOffKind {
    /** call the citizen back */
    CALLBACK,
    /** answer the citizen by e-mail */
    ANSWER_BY_MAIL,
    /** pass the matter on (e.g. documents sent in); no answer owed by the department itself */
    FORWARD
}
