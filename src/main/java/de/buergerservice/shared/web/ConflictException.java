package de.buergerservice.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The request is valid but conflicts with stored data (e.g. deleting a tenant that still has agreements).
 * The detail text is the message {@code problemDetail.conflict.<reason>}.
 */
public class ConflictException extends ErrorResponseException {

    public ConflictException(String reason, Object... arguments) {
        super(
                HttpStatus.CONFLICT,
                ProblemDetail.forStatus(HttpStatus.CONFLICT),
                null,
                "problemDetail.conflict." + reason,
                arguments);
    }
}
