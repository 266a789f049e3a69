package de.buergerservice.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the product — REST API and web pages — as Spring MVC maps it, so that the attack suite covers
 * endpoints added later without anybody remembering. A mapping without methods counts as GET.
 */
record Endpoints(List<Endpoint> all) {

    static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    /** Spring Boot's own error endpoint, not a page of the product. */
    static final Set<String> INFRASTRUCTURE = Set.of("/error");

    static Endpoints of(RequestMappingHandlerMapping mappings) {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (INFRASTRUCTURE.contains(pattern)) {
                    continue;
                }
                (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                        .forEach(m -> endpoints.add(new Endpoint(m.asHttpMethod(), pattern)));
            }
        }
        return new Endpoints(List.copyOf(endpoints));
    }

    record Endpoint(HttpMethod method, String pattern) implements Comparable<Endpoint> {

        boolean isApi() {
            return pattern.startsWith("/api/") || pattern.startsWith("/actuator");
        }

        boolean isWrite() {
            return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
        }

        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /**
         * The path with every variable filled: {@code slug} by the given municipality, every other variable by an
         * identifier that names no record (a fresh UUID), so that no call of the suite can change demo data.
         */
        String uri(String slug, Map<String, String> values) {
            Matcher m = VARIABLE.matcher(pattern.replace("/**", "/x"));
            StringBuilder uri = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value = name.equals("slug")
                        ? slug
                        : values.getOrDefault(name, UUID.randomUUID().toString());
                m.appendReplacement(uri, Matcher.quoteReplacement(value));
            }
            m.appendTail(uri);
            return uri.toString().replace("*", "x");
        }

        @Override
        public int compareTo(Endpoint other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }
}
