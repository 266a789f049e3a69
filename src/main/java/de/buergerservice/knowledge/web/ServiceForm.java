package de.buergerservice.knowledge.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

import de.buergerservice.knowledge.ServiceLink;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.knowledge.internal.ServiceData;

/**
 * The editor's form of a service description: list fields one entry per line, forms and links as
 * {@code Titel | https://…} per line.
 */
public class ServiceForm {

    private String title;
    private String synonyms = "";
    private String leikaKey;
    private String summary;
    private String body;
    private String requiredDocuments = "";
    private String fees;
    private String deadlines;
    private String processingTime;
    private String legalBasis;
    private String onlineServiceUrl;
    private String forms = "";
    private String links = "";
    private String topics = "";
    private UUID departmentId;
    private String internalNotes;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate reviewDate;

    private boolean catalogue = true;
    private Integer revision;

    static ServiceForm of(ServiceView view) {
        ServiceForm form = new ServiceForm();
        form.title = view.title();
        form.synonyms = String.join("\n", view.synonyms());
        form.leikaKey = view.leikaKey();
        form.summary = view.summary();
        form.body = view.body();
        form.requiredDocuments = String.join("\n", view.requiredDocuments());
        form.fees = view.fees();
        form.deadlines = view.deadlines();
        form.processingTime = view.processingTime();
        form.legalBasis = view.legalBasis();
        form.onlineServiceUrl = view.onlineServiceUrl();
        form.forms = linkLines(view.forms());
        form.links = linkLines(view.links());
        form.topics = String.join("\n", view.topics());
        form.departmentId = view.departmentId();
        form.internalNotes = view.internalNotes();
        form.reviewDate = view.reviewDate();
        form.catalogue = view.catalogue();
        form.revision = view.revision();
        return form;
    }

    ServiceData toData() {
        return new ServiceData(
                title,
                lines(synonyms),
                leikaKey,
                summary,
                body,
                lines(requiredDocuments),
                fees,
                deadlines,
                processingTime,
                legalBasis,
                onlineServiceUrl,
                links(forms),
                links(links),
                lines(topics),
                departmentId,
                internalNotes,
                reviewDate,
                catalogue,
                revision);
    }

    private static String linkLines(List<ServiceLink> links) {
        return String.join(
                "\n",
                links.stream().map(link -> link.title() + " | " + link.url()).toList());
    }

    static List<String> lines(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R"))
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
    }

    private static List<ServiceLink> links(String text) {
        List<ServiceLink> links = new ArrayList<>();
        for (String line : lines(text)) {
            int bar = line.lastIndexOf('|');
            links.add(
                    bar < 0
                            ? new ServiceLink(line, line)
                            : new ServiceLink(
                                    line.substring(0, bar).strip(),
                                    line.substring(bar + 1).strip()));
        }
        return links;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSynonyms() {
        return synonyms;
    }

    public void setSynonyms(String synonyms) {
        this.synonyms = synonyms;
    }

    public String getLeikaKey() {
        return leikaKey;
    }

    public void setLeikaKey(String leikaKey) {
        this.leikaKey = leikaKey == null || leikaKey.isBlank() ? null : leikaKey.strip();
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getRequiredDocuments() {
        return requiredDocuments;
    }

    public void setRequiredDocuments(String requiredDocuments) {
        this.requiredDocuments = requiredDocuments;
    }

    public String getFees() {
        return fees;
    }

    public void setFees(String fees) {
        this.fees = fees;
    }

    public String getDeadlines() {
        return deadlines;
    }

    public void setDeadlines(String deadlines) {
        this.deadlines = deadlines;
    }

    public String getProcessingTime() {
        return processingTime;
    }

    public void setProcessingTime(String processingTime) {
        this.processingTime = processingTime;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public String getOnlineServiceUrl() {
        return onlineServiceUrl;
    }

    public void setOnlineServiceUrl(String onlineServiceUrl) {
        this.onlineServiceUrl =
                onlineServiceUrl == null || onlineServiceUrl.isBlank() ? null : onlineServiceUrl.strip();
    }

    public String getForms() {
        return forms;
    }

    public void setForms(String forms) {
        this.forms = forms;
    }

    public String getLinks() {
        return links;
    }

    public void setLinks(String links) {
        this.links = links;
    }

    public String getTopics() {
        return topics;
    }

    public void setTopics(String topics) {
        this.topics = topics;
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(UUID departmentId) {
        this.departmentId = departmentId;
    }

    public String getInternalNotes() {
        return internalNotes;
    }

    public void setInternalNotes(String internalNotes) {
        this.internalNotes = internalNotes;
    }

    public LocalDate getReviewDate() {
        return reviewDate;
    }

    public void setReviewDate(LocalDate reviewDate) {
        this.reviewDate = reviewDate;
    }

    public Integer getRevision() {
        return revision;
    }

    public void setRevision(Integer revision) {
        this.revision = revision;
    }

    public boolean isCatalogue() {
        return catalogue;
    }

    public void setCatalogue(boolean catalogue) {
        this.catalogue = catalogue;
    }
}
