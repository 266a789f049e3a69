package de.buergerservice.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Turns every error of the REST API into RFC 9457 problem+json. Invalid input lists each offending field under
 * {@code errors} with a message in the caller's language (German unless asked otherwise), so a client can show it
 * next to the right input.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    public ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    /** Every problem — also those Spring MVC raises itself — gets its title in the caller's language. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setTitle(messages.getMessage(
                    "problemDetail.title." + statusCode.value(),
                    null,
                    problem.getTitle(),
                    LocaleContextHolder.getLocale()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(fieldErrors(ex.getBindingResult()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
                .forEach(error -> errors.add(new FieldError(
                        result.getMethodParameter().getParameterName(), messages.getMessage(error, locale)))));
        return invalid(errors);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof InvalidFormatException wrong
                && wrong.getTargetType() != null
                && wrong.getTargetType().isEnum()
                && !wrong.getPath().isEmpty()) {
            // a client that sent an unknown choice learns the ones there are
            String allowed = Arrays.stream(wrong.getTargetType().getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", "));
            return invalid(List.of(new FieldError(
                    jsonPath(wrong),
                    messages.getMessage(
                            "validation.enum",
                            new Object[] {String.valueOf(wrong.getValue()), allowed},
                            LocaleContextHolder.getLocale()))));
        }
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            return invalid(List.of(new FieldError(jsonPath(json), message("validation.unreadableValue"))));
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problemDetail.unreadableBody");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex) {
        return invalid(List.of(new FieldError(
                ex.field(), messages.getMessage(ex.messageCode(), ex.arguments(), LocaleContextHolder.getLocale()))));
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<Object> invalidFields(InvalidFieldsException ex) {
        Locale locale = LocaleContextHolder.getLocale();
        return invalid(ex.errors().stream()
                .map(error -> new FieldError(
                        error.field(),
                        error.code() == null
                                ? error.message()
                                : messages.getMessage(error.code(), error.arguments(), locale)))
                .toList());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return invalid(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return invalid(List.of(new FieldError(ex.getName(), message("validation.unreadableValue"))));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "problemDetail.conflict.concurrentChange"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrityViolation(DataIntegrityViolationException ex) {
        logger.info("Rejected a change that violates a database constraint: " + ex.getMostSpecificCause());
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "problemDetail.conflict.constraint"));
    }

    private ResponseEntity<Object> invalid(List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problemDetail.validation");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private ProblemDetail problem(HttpStatus status, String detailCode) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(detailCode));
        problem.setTitle(message("problemDetail.title." + status.value()));
        return problem;
    }

    private String message(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    private List<FieldError> fieldErrors(BindingResult result) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldError> errors = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            String field = error instanceof org.springframework.validation.FieldError fe
                    ? fe.getField()
                    : error.getObjectName();
            errors.add(new FieldError(field, messages.getMessage(error, locale)));
        }
        return errors;
    }

    /** {@code serviceLevelTarget.percent} or {@code phoneNumbers[1]}, as the client wrote the JSON. */
    static String jsonPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
