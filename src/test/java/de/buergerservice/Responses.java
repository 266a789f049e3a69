package de.buergerservice;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Reading values out of MockMvc answers in tests. */
public final class Responses {

    private Responses() {}

    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value at a JSON path of the answer, e.g. {@code $.id}. */
    public static <T> T read(MvcTestResult result, String jsonPath) {
        return JsonPath.read(body(result), jsonPath);
    }
}
