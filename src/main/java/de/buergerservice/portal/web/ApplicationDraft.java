package de.buergerservice.portal.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import de.buergerservice.applications.UploadedFile;

/**
 * What a citizen has filled in so far of one form, kept in the session between the steps: the version started with
 * (the submission is made with it, even if the form is republished meanwhile), the answers, and the files already
 * checked and stored (by field). After submitting, the session remembers which submission it may show (status,
 * receipt) without asking for the tracking code again.
 */
final class ApplicationDraft implements Serializable {

    final UUID tenantId;
    final String formKey;
    final int version;
    final Map<String, List<String>> answers = new LinkedHashMap<>();
    final Map<String, List<UploadedFile>> files = new LinkedHashMap<>();

    private ApplicationDraft(UUID tenantId, String formKey, int version) {
        this.tenantId = tenantId;
        this.formKey = formKey;
        this.version = version;
    }

    static String key(UUID tenantId, String formKey) {
        return "antrag:" + tenantId + ":" + formKey;
    }

    static ApplicationDraft of(HttpSession session, UUID tenantId, String formKey, int currentVersion) {
        Object stored = session.getAttribute(key(tenantId, formKey));
        if (stored instanceof ApplicationDraft draft) {
            return draft;
        }
        ApplicationDraft draft = new ApplicationDraft(tenantId, formKey, currentVersion);
        session.setAttribute(key(tenantId, formKey), draft);
        return draft;
    }

    static ApplicationDraft find(HttpSession session, UUID tenantId, String formKey) {
        return session == null
                ? null
                : session.getAttribute(key(tenantId, formKey)) instanceof ApplicationDraft draft ? draft : null;
    }

    static void discard(HttpSession session, UUID tenantId, String formKey) {
        session.removeAttribute(key(tenantId, formKey));
    }

    List<UploadedFile> allFiles() {
        List<UploadedFile> all = new ArrayList<>();
        files.values().forEach(all::addAll);
        return all;
    }

    long totalSize() {
        return allFiles().stream().mapToLong(UploadedFile::size).sum();
    }

    /** The submission this session made or looked up: its status page needs no second look-up. */
    record Verified(UUID tenantId, String trackingCode, String email) implements Serializable {

        static String key(UUID tenantId) {
            return "antragsstatus:" + tenantId;
        }

        static Verified of(HttpSession session, UUID tenantId) {
            return session == null
                    ? null
                    : session.getAttribute(key(tenantId)) instanceof Verified verified ? verified : null;
        }

        void remember(HttpSession session) {
            session.setAttribute(key(tenantId), this);
        }
    }
}
