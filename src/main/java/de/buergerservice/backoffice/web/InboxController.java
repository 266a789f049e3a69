package de.buergerservice.backoffice.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.buergerservice.backoffice.internal.InboxFilter;
import de.buergerservice.backoffice.internal.TicketActions;
import de.buergerservice.backoffice.internal.TicketView;
import de.buergerservice.backoffice.internal.Tickets;
import de.buergerservice.shared.web.FormValidation;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.Notices;

/**
 * The back office's pages: the inbox ({@code /backoffice}: new, due today, overdue, all open, done) and a ticket
 * with its history and its steps (take, call back, answer by e-mail, forward, close, back to the ServiceCenter).
 */
@Controller
@RequestMapping("/backoffice")
class InboxController {

    static final Set<String> VIEWS = Set.of("open", "new", "today", "overdue", "returned", "closed");

    private final Tickets tickets;
    private final FormValidation validation;
    private final Notices notices;

    InboxController(Tickets tickets, FormValidation validation, Notices notices) {
        this.tickets = tickets;
        this.validation = validation;
        this.notices = notices;
    }

    @GetMapping
    String inbox(
            @RequestParam(defaultValue = "open") String view,
            @RequestParam(required = false) UUID department,
            Model model) {
        String shown = VIEWS.contains(view) ? view : "open";
        List<TicketView> list = tickets.inbox(filter(shown, department));
        if (shown.equals("open")) {
            list = list.stream().filter(t -> t.status().open()).toList();
        }
        model.addAttribute("view", shown);
        model.addAttribute("views", List.of("open", "new", "today", "overdue", "returned", "closed"));
        model.addAttribute("tickets", list);
        return "backoffice/inbox";
    }

    private static InboxFilter filter(String view, UUID department) {
        return switch (view) {
            case "new" -> new InboxFilter(null, department, null, InboxFilter.Due.NEW);
            case "today" -> new InboxFilter(null, department, null, InboxFilter.Due.TODAY);
            case "overdue" -> new InboxFilter(null, department, null, InboxFilter.Due.OVERDUE);
            case "returned" ->
                new InboxFilter(null, department, de.buergerservice.backoffice.TicketStatus.RETURNED, null);
            case "closed" -> new InboxFilter(null, department, de.buergerservice.backoffice.TicketStatus.CLOSED, null);
            default -> new InboxFilter(null, department, null, null);
        };
    }

    @GetMapping("/tickets/{ticketId}")
    String ticket(@PathVariable UUID ticketId, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new StepForm());
        }
        model.addAttribute("ticket", tickets.get(ticketId));
        model.addAttribute("departments", tickets.departmentsFor(ticketId));
        model.addAttribute("mails", tickets.mailsOf(ticketId));
        return "backoffice/ticket";
    }

    @PostMapping("/tickets/{ticketId}/take")
    String take(@PathVariable UUID ticketId, RedirectAttributes redirect) {
        tickets.take(ticketId);
        notices.success(redirect, "backoffice.notice.taken");
        return "redirect:/backoffice/tickets/" + ticketId;
    }

    @PostMapping("/tickets/{ticketId}/callback")
    String callback(
            @PathVariable UUID ticketId,
            @ModelAttribute("form") StepForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return step(
                ticketId,
                "callback",
                new TicketActions.Callback(form.getReached(), form.getResult()),
                errors,
                model,
                redirect,
                data -> tickets.callback(ticketId, data));
    }

    @PostMapping("/tickets/{ticketId}/answer")
    String answer(
            @PathVariable UUID ticketId,
            @ModelAttribute("form") StepForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return step(
                ticketId,
                "answer",
                new TicketActions.Answer(form.getText()),
                errors,
                model,
                redirect,
                data -> tickets.answer(ticketId, data));
    }

    @PostMapping("/tickets/{ticketId}/forward")
    String forward(
            @PathVariable UUID ticketId,
            @ModelAttribute("form") StepForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return step(
                ticketId,
                "forward",
                new TicketActions.Forward(form.getDepartmentId(), form.getNote()),
                errors,
                model,
                redirect,
                data -> tickets.forward(ticketId, data));
    }

    @PostMapping("/tickets/{ticketId}/close")
    String close(
            @PathVariable UUID ticketId,
            @ModelAttribute("form") StepForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return step(
                ticketId,
                "close",
                new TicketActions.Close(form.getResult()),
                errors,
                model,
                redirect,
                data -> tickets.close(ticketId, data));
    }

    @PostMapping("/tickets/{ticketId}/return")
    String returnToServiceCenter(
            @PathVariable UUID ticketId,
            @ModelAttribute("form") StepForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return step(
                ticketId,
                "return",
                new TicketActions.Return(form.getNote()),
                errors,
                model,
                redirect,
                data -> tickets.returnToServiceCenter(ticketId, data));
    }

    private <T> String step(
            UUID ticketId,
            String action,
            T data,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            java.util.function.Consumer<T> work) {
        if (validation.check(data, errors, FormValidation::topLevel)) {
            try {
                work.accept(data);
                notices.success(redirect, "backoffice.notice." + action);
                return "redirect:/backoffice/tickets/" + ticketId;
            } catch (InvalidFieldException e) {
                validation.reject(e, errors, FormValidation::topLevel);
            }
        }
        model.addAttribute("failedAction", action);
        return ticket(ticketId, model);
    }
}
