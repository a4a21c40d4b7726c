package io.kycwhitelist.screening;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth as sanctions lists give them: an exact date, a month, a year, a year
 * "circa", or a range of years.
 *
 * @param month 1..12 or null
 * @param day 1..31 or null (only with a month)
 */
public record BirthDate(int fromYear, int toYear, Integer month, Integer day) {

    /** How an applicant's date of birth agrees with a listed one. */
    public enum Agreement {
        SAME_DATE,
        SAME_YEAR,
        /** Within two years of the listed year(s): neither for nor against. */
        CLOSE,
        DIFFERENT
    }

    private static final Pattern OFAC_DATE = Pattern.compile(
            "(?:(?<day>\\d{1,2}) )?(?:(?<month>[A-Z][a-z]{2}) )?(?<year>\\d{4})(?: to (?:\\d{1,2} )?(?:[A-Z][a-z]{2} )?(?<to>\\d{4}))?");

    public BirthDate {
        if (toYear < fromYear) {
            throw new IllegalArgumentException("A range of birth years must not end before it starts: " + fromYear + " to " + toYear);
        }
    }

    public static BirthDate exact(LocalDate date) {
        return new BirthDate(date.getYear(), date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    public static BirthDate year(int year) {
        return new BirthDate(year, year, null, null);
    }

    /** A year given as approximate: one year either side. */
    public static BirthDate circa(int year) {
        return new BirthDate(year - 1, year + 1, null, null);
    }

    /**
     * Reads OFAC's way of writing a date of birth: {@code 25 Mar 1977}, {@code Mar 1977},
     * {@code 1977}, {@code circa 1977}, {@code 1955 to 1958}, {@code 01 Jan 1960 to 31 Dec 1962}.
     */
    public static Optional<BirthDate> parseOfac(String text) {
        String t = text.trim();
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        boolean circa = t.startsWith("circa ");
        if (circa) {
            t = t.substring("circa ".length());
        }
        Matcher m = OFAC_DATE.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group("year"));
        if (m.group("to") != null) {
            int to = Integer.parseInt(m.group("to"));
            return to >= year ? Optional.of(new BirthDate(year, to, null, null)) : Optional.empty();
        }
        if (circa) {
            return Optional.of(circa(year));
        }
        Integer month = m.group("month") == null ? null : month(m.group("month"));
        if (m.group("month") != null && month == null) {
            return Optional.empty();
        }
        Integer day = m.group("day") == null ? null : Integer.parseInt(m.group("day"));
        if (day != null && (month == null || day < 1 || day > Month.of(month).maxLength())) {
            return Optional.empty();
        }
        return Optional.of(new BirthDate(year, year, month, day));
    }

    private static Integer month(String abbreviation) {
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(abbreviation)) {
                return month.getValue();
            }
        }
        return null;
    }

    public Agreement agreement(LocalDate dateOfBirth) {
        int year = dateOfBirth.getYear();
        if (day != null && fromYear == toYear && year == fromYear && dateOfBirth.getMonthValue() == month && dateOfBirth.getDayOfMonth() == day) {
            return Agreement.SAME_DATE;
        }
        if (year >= fromYear && year <= toYear) {
            return day != null && fromYear == toYear ? Agreement.CLOSE : Agreement.SAME_YEAR;
        }
        if (year >= fromYear - 2 && year <= toYear + 2) {
            return Agreement.CLOSE;
        }
        return Agreement.DIFFERENT;
    }

    @Override
    public String toString() {
        if (fromYear != toYear) {
            return fromYear + " to " + toYear;
        }
        if (month == null) {
            return Integer.toString(fromYear);
        }
        return day == null ? String.format("%d-%02d", fromYear, month) : String.format("%d-%02d-%02d", fromYear, month, day);
    }
}
