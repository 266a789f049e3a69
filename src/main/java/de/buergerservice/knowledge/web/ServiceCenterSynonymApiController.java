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

/**
 * Search synonyms kept once for the whole ServiceCenter: {@code /api/v1/knowledge/synonyms}. Every municipality's
 * search applies them besides its own; editors change them.
 */
@RestController
@RequestMapping("/api/v1/knowledge/synonyms")
class ServiceCenterSynonymApiController {

    private final SynonymService synonyms;

    ServiceCenterSynonymApiController(SynonymService synonyms) {
        this.synonyms = synonyms;
    }

    @GetMapping
    List<SynonymInfo> list() {
        return synonyms.listShared();
    }

    @PostMapping
    ResponseEntity<SynonymInfo> create(@Valid @RequestBody SynonymData data) {
        SynonymInfo created = synonyms.createShared(data);
        return ResponseEntity.created(URI.create("/api/v1/knowledge/synonyms/" + created.id()))
                .body(created);
    }

    @GetMapping("/{synonymId}")
    SynonymInfo get(@PathVariable UUID synonymId) {
        return synonyms.getShared(synonymId);
    }

    @PutMapping("/{synonymId}")
    SynonymInfo update(@PathVariable UUID synonymId, @Valid @RequestBody SynonymData data) {
        return synonyms.updateShared(synonymId, data);
    }

    @DeleteMapping("/{synonymId}")
    ResponseEntity<Void> delete(@PathVariable UUID synonymId) {
        synonyms.deleteShared(synonymId);
        return ResponseEntity.noContent().build();
    }
}
