package de.buergerservice.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login: the work areas the user's roles open. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
