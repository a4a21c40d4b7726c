package io.kycwhitelist.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns names into comparable tokens: case, diacritics, punctuation and the usual spelling
 * variants of transliterated names stop mattering.
 */
public final class Names {

    /** Arabic articles and patronymic connectors, written many ways ("AL-", "El ", "bin", "ibn"). */
    private static final Set<String> CONNECTORS = Set.of("al", "el", "ul", "bin", "ibn", "bint", "binti");
    /** Legal forms and filler words of organisation names. */
    private static final Set<String> LEGAL_FORMS = Set.of("the", "and", "of", "for", "ltd", "limited", "llc", "inc", "incorporated",
            "corp", "corporation", "co", "company", "sa", "sas", "sarl", "srl", "spa", "gmbh", "ag", "bv", "nv", "plc", "llp", "lp",
            "jsc", "ojsc", "pjsc", "cjsc", "oao", "zao", "ooo", "pao", "fze", "fzco", "fzc", "pte", "pty", "sdn", "bhd", "de", "cv");
    /** Prefixes written joined or apart: "Abdul Rahman" / "Abdulrahman", "Al-Ibrahim" / "Alibrahim". */
    private static final Set<String> JOINABLE = Set.of("al", "el", "ul", "abd", "abdul", "abdel", "abdal", "abdoul", "abdur", "abdol", "abu", "bin", "ibn");
    /** Long legal forms, also when misspelt by one letter ("Compnay", "Corporattion"). */
    private static final List<String> LONG_LEGAL_FORMS = List.of("company", "corporation", "limited", "incorporated");

    private Names() {}

    /**
     * The tokens of a name. A person's name written {@code LAST, First} is read as
     * {@code First LAST}; an organisation's legal form and filler words are left out.
     */
    public static List<String> tokens(String name, boolean organisation) {
        return forms(name, organisation).get(0);
    }

    /**
     * The forms under which a listed name is indexed: its {@link #tokens}, and, where it has a
     * prefix that is written both joined and apart, the tokens with the prefix joined to the next
     * word, so that "Abdulrahman" finds "ABDUL RAHMAN" and "Alibrahim" finds "AL-IBRAHIM".
     */
    public static List<List<String>> forms(String name, boolean organisation) {
        String text = name;
        int comma = text.indexOf(',');
        if (!organisation && comma > 0 && text.indexOf(',', comma + 1) < 0) {
            text = text.substring(comma + 1) + " " + text.substring(0, comma);
        }
        List<String> words = new ArrayList<>();
        for (String word : fold(text).split(" ")) {
            if (!word.isEmpty() && !(organisation && legalForm(word))) {
                words.add(word);
            }
        }
        List<String> tokens = new ArrayList<>();
        List<String> joined = new ArrayList<>();
        boolean joinable = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!CONNECTORS.contains(word)) {
                tokens.add(word);
            }
            if (JOINABLE.contains(word) && i + 1 < words.size()) {
                joined.add(word + words.get(++i));
                tokens.add(words.get(i));
                joinable = true;
            } else if (!CONNECTORS.contains(word)) {
                joined.add(word);
            }
        }
        return joinable && !joined.isEmpty() ? List.of(tokens, joined) : List.of(tokens);
    }

    private static boolean legalForm(String word) {
        if (LEGAL_FORMS.contains(word)) {
            return true;
        }
        if (word.length() < 6) {
            return false;
        }
        for (String form : LONG_LEGAL_FORMS) {
            if (oneEditApart(word, form)) {
                return true;
            }
        }
        return false;
    }

    /** One letter inserted, deleted, replaced, or two neighbours swapped. */
    static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == a.length() && i == b.length()) {
            return true;
        }
        String aRest = a.substring(Math.min(i + 1, a.length()));
        String bRest = b.substring(Math.min(i + 1, b.length()));
        if (a.length() == b.length()) {
            boolean swapped = i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
            return swapped || aRest.equals(bRest);
        }
        return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i)) : b.substring(i + 1).equals(a.substring(i));
    }

    /** Lower case, without diacritics and punctuation; words separated by one space. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                continue;
            }
            switch (c) {
                case '\'', '\u2019', '\u2018', '\u02BC', '\u02BB', '`', '\u00B4', '.' -> { } // O'Brien, Sab'awi, Ma`ruf, S.A.
                case 'ß' -> out.append("ss");
                case 'æ', 'Æ' -> out.append("ae");
                case 'œ', 'Œ' -> out.append("oe");
                case 'ø', 'Ø' -> out.append('o');
                case 'ł', 'Ł' -> out.append('l');
                case 'đ', 'Đ', 'ð', 'Ð' -> out.append('d');
                case 'þ', 'Þ' -> out.append("th");
                case 'ı' -> out.append('i');
                case 'ħ', 'Ħ' -> out.append('h');
                default -> out.append(Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : ' ');
            }
        }
        return out.toString().toLowerCase(Locale.ROOT).trim().replaceAll(" +", " ");
    }

    /**
     * A spelling-tolerant key of a token: digraphs of transliteration reduced to one letter,
     * similar consonants merged, vowels after the first letter dropped, doubled letters single.
     * Mohammed, Muhammad and Mohamad share {@code mhmd}; Yusuf, Yousef and Youssef share {@code asf}.
     * Tokens in other scripts are their own key.
     */
    public static String skeleton(String token) {
        if (!isLatin(token)) {
            return token;
        }
        String t = token.replace("dzh", "j").replace("dj", "j").replace("zh", "j").replace("kh", "h").replace("gh", "g")
                .replace("ph", "f").replace("th", "t").replace("dh", "d").replace("sh", "s").replace("ch", "k")
                .replace("ck", "k").replace('q', 'k').replace('c', 'k').replace("x", "ks").replace('z', 's')
                .replace('w', 'v').replace('y', 'i');
        StringBuilder key = new StringBuilder(t.length());
        char previous = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean vowel = "aeiou".indexOf(c) >= 0;
            if (i == 0) {
                c = vowel ? 'a' : c;
            } else if (vowel) {
                previous = 0; // a vowel separates: "Hassan" keeps one s, "Sasa" keeps two
                continue;
            }
            if (c != previous) {
                key.append(c);
            }
            previous = c;
        }
        return key.toString();
    }

    static boolean isLatin(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c > 'z' || (c < 'a' && (c < '0' || c > '9'))) {
                return false;
            }
        }
        return true;
    }
}
