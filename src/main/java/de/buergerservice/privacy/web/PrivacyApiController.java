package de.buergerservice.privacy.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.privacy.internal.SubjectRequests;
import de.buergerservice.privacy.internal.SubjectRequests.Erasure;
import de.buergerservice.privacy.internal.SubjectRequests.SubjectExport;
import de.buergerservice.shared.privacy.DataSubject;

/**
 * Requests of data subjects for administrators: {@code POST /api/v1/privacy/exports} and
 * {@code POST /api/v1/privacy/erasures}, each with {@code {"phone": "…"}} or {@code {"email": "…"}}. POST, not GET:
 * the number or address stays out of URLs, server logs and browser histories.
 */
@RestController
@RequestMapping("/api/v1/privacy")
@PreAuthorize("hasRole('ADMIN')")
class PrivacyApiController {

    private final SubjectRequests requests;

    PrivacyApiController(SubjectRequests requests) {
        this.requests = requests;
    }

    /** The person: exactly one of the two. */
    record SubjectRequest(String phone, String email) {

        DataSubject subject() {
            return DataSubject.of(phone, email);
        }
    }

    @PostMapping("/exports")
    SubjectExport export(@RequestBody SubjectRequest request) {
        return requests.export(request.subject());
    }

    @PostMapping("/erasures")
    Erasure erase(@RequestBody SubjectRequest request) {
        return requests.erase(request.subject());
    }
}
