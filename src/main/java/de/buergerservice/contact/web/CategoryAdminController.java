package de.buergerservice.contact.web;

import java.util.Arrays;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.buergerservice.contact.internal.CategoryAdministration;
import de.buergerservice.contact.internal.CategoryAdministration.CategoryListData;
import de.buergerservice.shared.web.FormValidation;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.InvalidFieldsException;
import de.buergerservice.shared.web.Notices;

/**
 * The page of the concern categories ({@code /desk/categories}): per ServiceCenter its list, one category per line,
 * for its supervisors and administrators.
 */
@Controller
@PreAuthorize(CategoryAdministration.EDIT)
class CategoryAdminController {

    /** The form: the categories one per line. */
    public static class CategoryForm {
        private String categories = "";

        public String getCategories() {
            return categories;
        }

        public void setCategories(String categories) {
            this.categories = categories;
        }

        CategoryListData toData() {
            return new CategoryListData(Arrays.stream((categories == null ? "" : categories).split("\\R"))
                    .filter(line -> !line.isBlank())
                    .toList());
        }
    }

    private final CategoryAdministration categories;
    private final FormValidation validation;
    private final Notices notices;

    CategoryAdminController(CategoryAdministration categories, FormValidation validation, Notices notices) {
        this.categories = categories;
        this.validation = validation;
        this.notices = notices;
    }

    @GetMapping("/desk/categories")
    String list(Model model) {
        model.addAttribute("lists", categories.all());
        return "contact/categories";
    }

    @GetMapping("/desk/categories/{serviceCenterId}")
    String edit(@PathVariable UUID serviceCenterId, Model model) {
        var list = categories.get(serviceCenterId);
        CategoryForm form = new CategoryForm();
        form.setCategories(String.join("\n", list.categories()));
        model.addAttribute("list", list);
        model.addAttribute("form", form);
        return "contact/category-form";
    }

    @PostMapping("/desk/categories/{serviceCenterId}")
    String save(
            @PathVariable UUID serviceCenterId,
            @ModelAttribute("form") CategoryForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        try {
            categories.replace(serviceCenterId, form.toData());
            notices.success(redirect, "common.saved");
            return "redirect:/desk/categories";
        } catch (InvalidFieldsException e) {
            e.errors()
                    .forEach(error -> validation.reject(
                            new InvalidFieldException(error.field(), error.code(), error.arguments()),
                            binding,
                            field -> "categories"));
        }
        model.addAttribute("list", categories.get(serviceCenterId));
        return "contact/category-form";
    }
}
