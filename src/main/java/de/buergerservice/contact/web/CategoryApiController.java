package de.buergerservice.contact.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.contact.internal.CategoryAdministration;
import de.buergerservice.contact.internal.CategoryAdministration.CategoryList;
import de.buergerservice.contact.internal.CategoryAdministration.CategoryListData;

/**
 * REST API of the concern categories per ServiceCenter: {@code GET /api/v1/contact-categories},
 * {@code GET|PUT /api/v1/contact-categories/{serviceCenterId}} with {@code {"categories": [...]}} (an empty list
 * returns to the default list). Supervisors and administrators only.
 */
@RestController
@RequestMapping("/api/v1/contact-categories")
@PreAuthorize(CategoryAdministration.EDIT)
class CategoryApiController {

    private final CategoryAdministration categories;

    CategoryApiController(CategoryAdministration categories) {
        this.categories = categories;
    }

    @GetMapping
    List<CategoryList> all() {
        return categories.all();
    }

    @GetMapping("/{serviceCenterId}")
    CategoryList get(@PathVariable UUID serviceCenterId) {
        return categories.get(serviceCenterId);
    }

    @PutMapping("/{serviceCenterId}")
    CategoryList replace(@PathVariable UUID serviceCenterId, @RequestBody CategoryListData data) {
        return categories.replace(serviceCenterId, data);
    }
}
