package de.buergerservice.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** An unknown municipality, service or department: the portal's German 404 page, never a stack trace. */
@ControllerAdvice(
        assignableTypes = {PortalPageController.class, PortalContactController.class, PortalApplicationController.class
        })
class PortalErrorAdvice {

    @ExceptionHandler(PortalNotFoundException.class)
    ModelAndView notFound(PortalNotFoundException e) {
        ModelAndView page = new ModelAndView("portal/not-found", HttpStatus.NOT_FOUND);
        page.addObject("kind", e.kind);
        return page;
    }
}
