package de.buergerservice.knowledge.internal.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The German analysis chain of the knowledge search, the same at index and query time: tokenise (hyphens split
 * "Kfz-Zulassung"), lower-case, drop stop words, split compounds (whole word and parts), normalise umlauts and ß
 * (so "Fuehrerschein", "Führerschein" and "Fuhrerschein" meet), light stemming ("Anmeldungen" = "Anmeldung").
 * Compounds are split before the umlauts are folded because the dictionary spells words with umlauts.
 */
public final class GermanServiceAnalyzer extends Analyzer {

    /** Changes whenever the chain changes, so an index written by an older chain is rebuilt. */
    public static final String VERSION = "de-1";

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new StopFilter(stream, GermanAnalyzer.getDefaultStopSet());
        stream = new CompoundSplitFilter(stream);
        stream = new GermanNormalizationFilter(stream);
        stream = new GermanLightStemFilter(stream);
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new GermanNormalizationFilter(new LowerCaseFilter(in));
    }
}
