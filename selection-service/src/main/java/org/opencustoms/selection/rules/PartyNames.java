package org.opencustoms.selection.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Names as compared against watch lists: accents, case, punctuation and legal-form words folded away. */
public final class PartyNames {

    private static final Set<String> LEGAL_FORMS = Set.of("LTD", "LIMITED", "INC", "INCORPORATED", "LLC", "CO", "COMPANY",
            "CORP", "CORPORATION", "GMBH", "AG", "SA", "SAS", "SRL", "SPA", "BV", "NV", "JSC", "PVT", "PLC", "LTDA", "AS", "KG", "THE");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^A-Z0-9]+");

    private PartyNames() {
    }

    public static String normalise(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        // dots join abbreviations ("S.A." is SA) before punctuation separates words
        String undotted = folded.toUpperCase(Locale.ROOT).replace(".", "");
        String[] words = NON_ALNUM.matcher(undotted).replaceAll(" ").trim().split(" ");
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(word);
            }
        }
        return out.toString();
    }
}
