package de.buergerservice.shared.web;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * An unknown value for an enum in a JSON request body ({@code "type": "DORF"}) is reported at its field with the
 * allowed values — together with every other validation error of the body, instead of hiding them behind one
 * unreadable-body answer. While a request body is read, such a value is noted and read as {@code null}; after
 * reading, the body is validated and all errors go out at once as 400 problem+json. Outside reading a request
 * body (stored JSON, internal conversions) nothing changes: an unknown value still fails.
 */
@Configuration(proxyBeanMethods = false)
class UnknownEnumValues {

    static final String READING = UnknownEnumValues.class.getName() + ".reading";

    /** A noted unknown value: field path as the client wrote it, the value, the allowed ones. */
    record Unknown(String field, String value, String allowed) {}

    @Bean
    JsonMapperBuilderCustomizer noteUnknownEnumValues() {
        return builder -> builder.addHandler(new DeserializationProblemHandler() {
            @Override
            public Object handleWeirdStringValue(
                    DeserializationContext context, Class<?> targetType, String value, String failure) {
                List<Unknown> noted = noted();
                if (noted == null || !targetType.isEnum()) {
                    return NOT_HANDLED;
                }
                String allowed = Arrays.stream(targetType.getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name())
                        .collect(Collectors.joining(", "));
                noted.add(new Unknown(
                        field(context.getParser()
                                .streamReadContext()
                                .pathAsPointer()
                                .toString()),
                        value,
                        allowed));
                return null;
            }
        });
    }

    @SuppressWarnings("unchecked")
    static List<Unknown> noted() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (List<Unknown>) request.getAttribute(READING, RequestAttributes.SCOPE_REQUEST);
    }

    /** {@code /phoneNumbers/1} → {@code phoneNumbers[1]}, {@code /serviceLevelTarget/percent} → dotted. */
    static String field(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    /** Opens and closes the window in which unknown values are noted, and reports them with the other errors. */
    @ControllerAdvice
    static class Reporter extends RequestBodyAdviceAdapter {

        private final Validator validator;

        Reporter(Validator validator) {
            this.validator = validator;
        }

        @Override
        public boolean supports(
                MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
            return true;
        }

        @Override
        public HttpInputMessage beforeBodyRead(
                HttpInputMessage input,
                MethodParameter parameter,
                Type targetType,
                Class<? extends HttpMessageConverter<?>> converter)
                throws IOException {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request != null) {
                request.setAttribute(READING, new ArrayList<Unknown>(), RequestAttributes.SCOPE_REQUEST);
            }
            return input;
        }

        @Override
        public Object afterBodyRead(
                Object body,
                HttpInputMessage input,
                MethodParameter parameter,
                Type targetType,
                Class<? extends HttpMessageConverter<?>> converter) {
            List<Unknown> noted = noted();
            RequestContextHolder.currentRequestAttributes().removeAttribute(READING, RequestAttributes.SCOPE_REQUEST);
            if (noted == null || noted.isEmpty()) {
                return body;
            }
            Set<String> unknownFields = noted.stream().map(Unknown::field).collect(Collectors.toSet());
            List<InvalidFieldsException.Error> errors = new ArrayList<>();
            noted.forEach(unknown -> errors.add(new InvalidFieldsException.Error(
                    unknown.field(), "validation.enum", new Object[] {unknown.value(), unknown.allowed()}, null)));
            for (ConstraintViolation<Object> violation : validator.validate(body)) {
                String field = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
                // the unknown value was read as null: "must not be null" there would only repeat it
                if (!unknownFields.contains(field)) {
                    errors.add(new InvalidFieldsException.Error(field, null, null, violation.getMessage()));
                }
            }
            throw new InvalidFieldsException(errors);
        }
    }
}
