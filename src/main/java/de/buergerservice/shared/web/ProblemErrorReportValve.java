package de.buergerservice.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error answers — requests refused before the application sees them, such as a request line or
 * headers beyond {@code server.max-http-request-header-size} — as problem+json in German (English if the client
 * asks for it), instead of Tomcat's HTML page. Every error the application handles itself has already written its
 * answer and is left alone.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final MessageSource messages;
    private final JsonMapper json;

    ProblemErrorReportValve(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status == 400
                && throwable != null
                && String.valueOf(throwable.getMessage()).contains("too large")) {
            // Tomcat counts the request line among the header bytes: the one answer that fits both is 431
            status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value();
            response.setStatus(status);
        }
        String language = request.getHeader("Accept-Language");
        Locale locale =
                language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.GERMAN;
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? String.valueOf(status) : known.getReasonPhrase();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", messages.getMessage("problemDetail.title." + status, null, reason, locale));
        problem.put("status", status);
        problem.put("detail", messages.getMessage("problemDetail.status." + status, null, reason, locale));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer was already started: nothing left to tell it
        }
    }
}
