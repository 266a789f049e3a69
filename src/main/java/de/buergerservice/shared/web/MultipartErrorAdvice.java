package de.buergerservice.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload endpoint called without a multipart body (or with a broken one) is the caller's mistake: 400, shown by
 * the error page or as problem+json ({@link ProblemErrorController}), never a 500. Too large an upload is 413. Module
 * advices that answer these themselves (with a message at the form field) come first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MultipartErrorAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    }

    @ExceptionHandler(MultipartException.class)
    void notMultipart(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
