package de.buergerservice.applications.internal.fim;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * The elements of an XDatenfelder message (2.0 Stammdatenschema, 3.0.0 Datenfeldgruppe) that the import reads,
 * bound by Jackson XML. Component names are the elements' local names; an element not listed here is refused as
 * unexpected. Parts the import does not use (rules, relations, keywords, references) are kept as trees, so they
 * are accepted without being interpreted.
 */
final class Xdf {

    private Xdf() {}

    record Message(Header header, Element stammdatenschema, Element datenfeldgruppe, String schemaLocation) {}

    record Header(String nachrichtID, String erstellungszeitpunkt, String referenzID) {}

    record Identifikation(String id, String version) {}

    /** A code of a code list ({@code <xdf:status listURI=…><code>aktiv</code></xdf:status>}). */
    record Code(String listURI, String listVersionID, String code, String name) {}

    record Struktur(String anzahl, JsonNode bezug, Enthaelt enthaelt) {}

    record Enthaelt(Element datenfeld, Element datenfeldgruppe) {}

    record Werte(List<Wert> wert) {}

    record Wert(String code, String name, String hilfe) {}

    /** A Stammdatenschema, a Datenfeldgruppe or a Datenfeld: the union of their elements in 2.0 and 3.0.0. */
    record Element(
            Identifikation identifikation,
            String name,
            String bezeichnungEingabe,
            String bezeichnungAusgabe,
            String beschreibung,
            String definition,
            List<JsonNode> bezug,
            Code status,
            Code freigabestatus,
            String statusGesetztAm,
            String statusGesetztDurch,
            String fachlicherErsteller,
            String versionshinweis,
            String freigabedatum,
            String veroeffentlichungsdatum,
            String letzteAenderung,
            String gueltigAb,
            String gueltigBis,
            List<JsonNode> stichwort,
            List<JsonNode> relation,
            Code ableitungsmodifikationenStruktur,
            Code ableitungsmodifikationenRepraesentation,
            JsonNode dokumentsteckbrief,
            Code schemaelementart,
            String hilfetextEingabe,
            String hilfetextAusgabe,
            List<JsonNode> regel,
            List<Struktur> struktur,
            Code feldart,
            Code datentyp,
            JsonNode praezisierung,
            String inhalt,
            Code vorbefuellung,
            JsonNode codelisteReferenz,
            Werte werte,
            String codeKey,
            String nameKey,
            String helpKey,
            String maxSize,
            List<String> mediaType,
            @JsonProperty("hilfetext") String hilfetext) {}
}
