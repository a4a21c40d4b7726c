package io.kycwhitelist.screening;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * OFAC's legacy SDN files: {@code sdn.csv} (entries), {@code alt.csv} (aliases), {@code add.csv}
 * (addresses) and {@code sdn_comments.csv} (remarks that overflow {@code sdn.csv}). No header
 * row; {@code -0-} means empty; individuals are written {@code LAST, First Middle}. Dates of
 * birth, quoted a.k.a.s and digital currency addresses are inside the remarks.
 */
public final class OfacSdnFormat {

    /** What the files hold: the entries, and the digital currency addresses named in their remarks. */
    public record Content(List<ListedParty> parties, List<ListedAddress> addresses) {}

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
    private static final Pattern DOB = Pattern.compile("(?:^|; )(?:alt\\. )?DOB ([^;]+)");
    private static final Pattern AKA = Pattern.compile("a\\.k\\.a\\. '([^']+)'");
    private static final Pattern ADDRESS = Pattern.compile("Digital Currency Address - ([A-Z0-9]+) ([^;\\s]+)");

    private OfacSdnFormat() {}

    private static final class Entry {
        final String id;
        final String name;
        final PartyType type;
        final List<String> programs;
        final StringBuilder remarks = new StringBuilder();
        final List<String> aliases = new ArrayList<>();
        final List<String> weakAliases = new ArrayList<>();
        final List<String> countries = new ArrayList<>();

        Entry(String id, String name, PartyType type, List<String> programs) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.programs = programs;
        }
    }

    public static Content parse(Reader sdn, Reader alt, Reader add, Reader comments) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        read(sdn, "sdn.csv", 12, r -> {
            String id = id(r, "sdn.csv");
            String name = value(r.get(1));
            if (name == null) {
                throw new ListFormatException("sdn.csv line " + r.getRecordNumber() + ": entry " + id + " has no name");
            }
            Entry entry = new Entry(id, name, type(r.get(2), r.getRecordNumber()), programs(r.get(3)));
            String remarks = value(r.get(11));
            if (remarks != null) {
                entry.remarks.append(remarks);
            }
            if (entries.put(id, entry) != null) {
                throw new ListFormatException("sdn.csv line " + r.getRecordNumber() + ": entry " + id + " is listed twice");
            }
        });
        read(comments, "sdn_comments.csv", 2, r -> {
            Entry entry = entries.get(id(r, "sdn_comments.csv"));
            String more = value(r.get(1));
            if (entry != null && more != null) {
                entry.remarks.append(more); // the remark continues where sdn.csv cut it, mid-word
            }
        });
        read(alt, "alt.csv", 5, r -> {
            Entry entry = entries.get(id(r, "alt.csv"));
            String name = value(r.get(3));
            if (entry != null && name != null) {
                entry.aliases.add(entry.type == PartyType.INDIVIDUAL ? naturalOrder(name) : name);
            }
        });
        read(add, "add.csv", 6, r -> {
            Entry entry = entries.get(id(r, "add.csv"));
            String country = value(r.get(4));
            if (entry != null && country != null && !entry.countries.contains(country)) {
                entry.countries.add(country);
            }
        });
        List<ListedParty> parties = new ArrayList<>(entries.size());
        List<ListedAddress> addresses = new ArrayList<>();
        for (Entry e : entries.values()) {
            String remarks = e.remarks.toString();
            List<BirthDate> births = new ArrayList<>();
            Matcher dob = DOB.matcher(remarks);
            while (dob.find()) {
                BirthDate.parseOfac(dob.group(1)).ifPresent(births::add);
            }
            Matcher aka = AKA.matcher(remarks);
            while (aka.find()) {
                if (!e.weakAliases.contains(aka.group(1))) {
                    e.weakAliases.add(aka.group(1));
                }
            }
            Matcher address = ADDRESS.matcher(remarks);
            while (address.find()) {
                addresses.add(new ListedAddress(address.group(1), address.group(2), e.id));
            }
            String name = e.type == PartyType.INDIVIDUAL ? naturalOrder(e.name) : e.name;
            parties.add(new ListedParty(SanctionsList.OFAC_SDN, e.id, e.type, name, e.aliases, e.weakAliases, births, e.programs, e.countries,
                    remarks.isEmpty() ? null : remarks));
        }
        return new Content(parties, addresses);
    }

    /** {@code LAST, First Middle} as {@code First Middle LAST}; other names unchanged. */
    static String naturalOrder(String name) {
        int comma = name.indexOf(',');
        if (comma < 0) {
            return name;
        }
        String last = name.substring(0, comma).trim();
        String first = name.substring(comma + 1).trim();
        return first.isEmpty() ? last : first + " " + last;
    }

    private static void read(Reader reader, String file, int columns, Consumer<CSVRecord> row) {
        try {
            for (CSVRecord record : CSV.parse(new EndOfFileMarkerFilter(reader))) {
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line
                }
                if (record.size() != columns) {
                    throw new ListFormatException(file + " line " + record.getRecordNumber() + ": expected " + columns
                            + " comma-separated fields, found " + record.size() + " (is this OFAC's legacy " + file + "?)");
                }
                row.accept(record);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ListFormatException(file + ": not readable as CSV: " + rootMessage(e), e);
        } catch (IOException e) {
            throw new ListFormatException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static String id(CSVRecord r, String file) {
        String id = r.get(0);
        if (!id.matches("\\d+")) {
            throw new ListFormatException(file + " line " + r.getRecordNumber() + ": the first field must be the entry number, found '"
                    + (id.length() > 20 ? id.substring(0, 20) + "..." : id) + "'");
        }
        return id;
    }

    private static PartyType type(String value, long line) {
        String v = value(value);
        if (v == null) {
            return PartyType.ENTITY;
        }
        return switch (v) {
            case "individual" -> PartyType.INDIVIDUAL;
            case "vessel" -> PartyType.VESSEL;
            case "aircraft" -> PartyType.AIRCRAFT;
            default -> throw new ListFormatException("sdn.csv line " + line + ": unknown entry type '" + v + "'");
        };
    }

    private static List<String> programs(String value) {
        String v = value(value);
        if (v == null) {
            return List.of();
        }
        return List.of(v.split("\\] \\["));
    }

    private static String value(String field) {
        String v = field.trim();
        return v.isEmpty() || v.equals("-0-") ? null : v;
    }

    /** OFAC's files end with the DOS end-of-file character (0x1A); it is not data. */
    private static final class EndOfFileMarkerFilter extends java.io.FilterReader {
        EndOfFileMarkerFilter(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            return c == 0x1A ? read() : c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n <= 0) {
                return n;
            }
            int kept = offset;
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] != 0x1A) {
                    buffer[kept++] = buffer[i];
                }
            }
            return kept == offset ? read(buffer, offset, length) : kept - offset;
        }
    }
}
