package de.buergerservice.knowledge.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.knowledge.internal.search.KnowledgeIndex;
import de.buergerservice.knowledge.internal.search.KnowledgeIndex.RebuildReport;

/** Operations on the search index: {@code POST /api/v1/knowledge/index/rebuild} (administrators). */
@RestController
class SearchIndexApiController {

    private final KnowledgeIndex index;

    SearchIndexApiController(KnowledgeIndex index) {
        this.index = index;
    }

    /** Rebuilds the whole index from the database; answers when the new index is in use. */
    @PostMapping("/api/v1/knowledge/index/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    RebuildReport rebuild() {
        return index.rebuild();
    }
}
