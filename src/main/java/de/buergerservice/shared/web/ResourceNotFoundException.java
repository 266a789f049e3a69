package de.buergerservice.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A record that does not exist or that the current user may not see — both look the same from outside, so a
 * foreign tenant's data is never confirmed to exist. {@code kind} names the record type; the detail text is the
 * message {@code problemDetail.notFound.<kind>}.
 */
public class ResourceNotFoundException extends ErrorResponseException {

    public ResourceNotFoundException(String kind) {
        super(
                HttpStatus.NOT_FOUND,
                ProblemDetail.forStatus(HttpStatus.NOT_FOUND),
                null,
                "problemDetail.notFound." + kind,
                null);
    }
}
