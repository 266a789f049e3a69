package de.buergerservice.knowledge.internal.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Emits each token unchanged and, stacked at the same position (increment 0) and with the same offsets, the parts
 * of a German compound: the index holds the whole word and its parts, so "Ausweis" finds "Personalausweis" and
 * "Personalausweis" still ranks the exact word first. Parts are typed {@value #PART} so the query side can weigh
 * them lower than whole words.
 */
final class CompoundSplitFilter extends TokenFilter {

    static final String PART = "compound-part";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final CompoundSplitter splitter = CompoundSplitter.instance();
    private final Deque<String> pending = new ArrayDeque<>();
    private State original;

    CompoundSplitFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(original);
            term.setEmpty().append(pending.poll());
            position.setPositionIncrement(0);
            type.setType(PART);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        for (String part : splitter.parts(term.toString())) {
            if (!part.contentEquals(term)) {
                pending.add(part);
            }
        }
        if (!pending.isEmpty()) {
            original = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        original = null;
    }
}
