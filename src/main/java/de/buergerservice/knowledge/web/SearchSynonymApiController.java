package de.buergerservice.knowledge.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.knowledge.internal.search.SynonymData;
import de.buergerservice.knowledge.internal.search.SynonymInfo;
import de.buergerservice.knowledge.internal.search.SynonymService;

/** Search synonyms of a municipality: {@code /api/v1/tenants/{slug}/knowledge/synonyms}. Editors change them. */
@RestController
@RequestMapping("/api/v1/tenants/{slug}/knowledge/synonyms")
class SearchSynonymApiController {

    private final SynonymService synonyms;

    SearchSynonymApiController(SynonymService synonyms) {
        this.synonyms = synonyms;
    }

    @GetMapping
    List<SynonymInfo> list(@PathVariable String slug) {
        return synonyms.list(slug);
    }

    @PostMapping
    ResponseEntity<SynonymInfo> create(@PathVariable String slug, @Valid @RequestBody SynonymData data) {
        SynonymInfo created = synonyms.create(slug, data);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + slug + "/knowledge/synonyms/" + created.id()))
                .body(created);
    }

    @GetMapping("/{synonymId}")
    SynonymInfo get(@PathVariable String slug, @PathVariable UUID synonymId) {
        return synonyms.get(slug, synonymId);
    }

    @PutMapping("/{synonymId}")
    SynonymInfo update(@PathVariable String slug, @PathVariable UUID synonymId, @Valid @RequestBody SynonymData data) {
        return synonyms.update(slug, synonymId, data);
    }

    @DeleteMapping("/{synonymId}")
    ResponseEntity<Void> delete(@PathVariable String slug, @PathVariable UUID synonymId) {
        synonyms.delete(slug, synonymId);
        return ResponseEntity.noContent().build();
    }
}
