package io.kycwhitelist.common;

import java.util.Locale;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2 country codes, from the JDK's own table of officially assigned codes
 * (user-assigned codes such as "XK" are not among them).
 */
public final class Countries {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private Countries() {}

    /** True for an officially assigned alpha-2 code, in any letter case. */
    public static boolean isAssigned(String code) {
        return code != null && code.length() == 2 && CODES.contains(code.toUpperCase(Locale.ROOT));
    }

    /** The English short name of an assigned code, for example "Germany" for "DE". */
    public static String name(String code) {
        return new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
    }

    /**
     * True for a syntactically valid ISO 3166-2 code whose country part is assigned, such as "UA-43".
     * The list of subdivisions itself is not checked: the JDK has none.
     */
    public static boolean isSubdivisionCode(String code) {
        return code != null
                && code.matches("[A-Za-z]{2}-[A-Za-z0-9]{1,3}")
                && isAssigned(code.substring(0, 2));
    }
}
