package de.buergerservice.shared.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Decides a controller's {@code @PreAuthorize} before Spring MVC reads and validates the request body. Method
 * security alone checks it only when the method is called, that is after binding: a user without the role who
 * sent an invalid body was told what is wrong with it (400) instead of that they may not do this at all (403).
 * Rules that name method arguments ({@code #slug}) can only be decided after binding and are left to method
 * security, which checks every rule again anyway.
 */
class AuthorizeBeforeBinding implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

    /** The rule of each handler method, looked up once: the merged-annotation search is costly per request. */
    private final Map<Handler, Optional<PreAuthorize>> rulesByHandler = new ConcurrentHashMap<>();

    private record Handler(Class<?> beanType, Method method) {}

    AuthorizeBeforeBinding(ApplicationContext context) {
        rules.setApplicationContext(context);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        PreAuthorize rule = rulesByHandler
                .computeIfAbsent(new Handler(method.getBeanType(), method.getMethod()), AuthorizeBeforeBinding::ruleOf)
                .orElse(null);
        if (rule == null || rule.value().contains("#")) {
            return true;
        }
        Object[] noArguments = new Object[method.getMethod().getParameterCount()];
        AuthorizationResult result = rules.authorize(
                SecurityContextHolder.getContext()::getAuthentication,
                new SimpleMethodInvocation(method.getBean(), method.getMethod(), noArguments));
        if (result != null && !result.isGranted()) {
            throw new AuthorizationDeniedException("Access Denied", result);
        }
        return true;
    }

    private static Optional<PreAuthorize> ruleOf(Handler handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.method(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.beanType(), PreAuthorize.class);
        }
        return Optional.ofNullable(rule);
    }
}
