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
 * (so "Fuehrerschein", "Führerschein" and "Fuhrerschein" meet), the "-ung" of nouns made from verbs off
 * ("Anmeldung" = "anmelden"), light stemming ("Anmeldungen" = "Anmeldung").
 * Compounds are split before the umlauts are folded because the dictionary spells words with umlauts.
 */
public final class GermanServiceAnalyzer extends Analyzer {

    /** Changes whenever the chain changes, so an index written by an older chain is rebuilt. */
    public static final String VERSION = "de-2";

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new StopFilter(stream, GermanAnalyzer.getDefaultStopSet());
        stream = new CompoundSplitFilter(stream);
        stream = wordForm(stream);
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /**
     * What becomes of every word after compound splitting: umlauts and ß folded, the "-ung" of a noun made from a
     * verb taken off, light stemming. The thesaurus puts its words through the same steps, so its entries meet the
     * index's terms without splitting 60,000 words at start.
     */
    static TokenStream wordForm(TokenStream stream) {
        stream = new GermanNormalizationFilter(stream);
        stream = new NominalisationFilter(stream);
        return new GermanLightStemFilter(stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new GermanNormalizationFilter(new LowerCaseFilter(in));
    }
}
