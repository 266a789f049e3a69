package de.buergerservice.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The last stop for every error no controller answered (unknown URL, failures in filters). Browsers get the
 * German error pages under {@code templates/error/}; every other client gets problem+json instead of Spring's
 * default error map.
 */
public class ProblemErrorController extends BasicErrorController {

    private final ProblemResponder problems;

    public ProblemErrorController(
            ErrorAttributes errorAttributes,
            ErrorProperties errorProperties,
            List<ErrorViewResolver> errorViewResolvers,
            ProblemResponder problems) {
        super(errorAttributes, errorProperties, errorViewResolvers);
        this.problems = problems;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        ProblemDetail problem = problems.problem(request, status, "problemDetail.status." + status.value());
        Map<String, Object> body = new LinkedHashMap<>();
        if (problem.getType() != null) {
            body.put("type", problem.getType().toString());
        }
        body.put("title", problem.getTitle());
        body.put("status", status.value());
        body.put("detail", problem.getDetail());
        Object path = request.getAttribute("jakarta.servlet.error.request_uri");
        if (path != null) {
            body.put("instance", path);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
