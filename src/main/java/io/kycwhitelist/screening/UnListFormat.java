package io.kycwhitelist.screening;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The UN Security Council consolidated list as the UN publishes it: {@code CONSOLIDATED_LIST}
 * with {@code INDIVIDUALS/INDIVIDUAL} and {@code ENTITIES/ENTITY}, names in {@code FIRST_NAME}
 * to {@code FOURTH_NAME}, aliases in {@code *_ALIAS} with a quality, dates of birth in
 * {@code INDIVIDUAL_DATE_OF_BIRTH}.
 */
public final class UnListFormat {

    /** The entries and the list's own date ({@code dateGenerated}). */
    public record Content(List<ListedParty> parties, String dateGenerated) {}

    private UnListFormat() {}

    public static Content parse(InputStream xml) {
        Document document = read(xml);
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("CONSOLIDATED_LIST")) {
            throw new ListFormatException("consolidated.xml: the root element is <" + root.getTagName()
                    + ">, not <CONSOLIDATED_LIST>: this is not the UN consolidated list");
        }
        List<ListedParty> parties = new ArrayList<>();
        for (Element individual : children(root, "INDIVIDUALS", "INDIVIDUAL")) {
            parties.add(party(individual, PartyType.INDIVIDUAL, "INDIVIDUAL"));
        }
        for (Element entity : children(root, "ENTITIES", "ENTITY")) {
            parties.add(party(entity, PartyType.ENTITY, "ENTITY"));
        }
        if (parties.isEmpty()) {
            throw new ListFormatException("consolidated.xml: no INDIVIDUAL or ENTITY entries");
        }
        String generated = root.getAttribute("dateGenerated");
        return new Content(parties, generated.isEmpty() ? null : generated);
    }

    private static ListedParty party(Element e, PartyType type, String prefix) {
        String reference = text(e, "REFERENCE_NUMBER");
        String id = reference != null ? reference : text(e, "DATAID");
        String name = Stream.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
                .map(tag -> text(e, tag))
                .filter(v -> v != null)
                .collect(Collectors.joining(" "));
        if (id == null || name.isEmpty()) {
            throw new ListFormatException("consolidated.xml: an " + prefix + " without a reference number or name (DATAID "
                    + text(e, "DATAID") + ")");
        }
        List<String> aliases = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        String original = text(e, "NAME_ORIGINAL_SCRIPT");
        if (original != null) {
            aliases.add(original);
        }
        for (Element alias : elements(e, prefix + "_ALIAS")) {
            String aliasName = text(alias, "ALIAS_NAME");
            if (aliasName != null) {
                ("Low".equalsIgnoreCase(text(alias, "QUALITY")) ? weak : aliases).add(aliasName);
            }
        }
        List<BirthDate> births = new ArrayList<>();
        for (Element dob : elements(e, "INDIVIDUAL_DATE_OF_BIRTH")) {
            birthDate(dob).ifPresent(births::add);
        }
        List<String> countries = new ArrayList<>();
        for (Element nationality : elements(e, "NATIONALITY")) {
            for (Element value : elements(nationality, "VALUE")) {
                addText(value, countries);
            }
        }
        for (Element address : elements(e, prefix + "_ADDRESS")) {
            String country = text(address, "COUNTRY");
            if (country != null && !countries.contains(country)) {
                countries.add(country);
            }
        }
        String program = text(e, "UN_LIST_TYPE");
        return new ListedParty(SanctionsList.UN_CONSOLIDATED, id, type, name, aliases, weak, births,
                program == null ? List.of() : List.of(program), countries, text(e, "COMMENTS1"));
    }

    private static Optional<BirthDate> birthDate(Element dob) {
        boolean approximately = "APPROXIMATELY".equalsIgnoreCase(text(dob, "TYPE_OF_DATE"));
        try {
            String date = text(dob, "DATE");
            if (date != null) {
                BirthDate exact = BirthDate.exact(LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date));
                return Optional.of(approximately ? BirthDate.circa(exact.fromYear()) : exact);
            }
            String year = text(dob, "YEAR");
            if (year != null) {
                int y = Integer.parseInt(year);
                return Optional.of(approximately ? BirthDate.circa(y) : BirthDate.year(y));
            }
            String from = text(dob, "FROM_YEAR");
            String to = text(dob, "TO_YEAR");
            if (from != null && to != null && Integer.parseInt(to) >= Integer.parseInt(from)) {
                return Optional.of(new BirthDate(Integer.parseInt(from), Integer.parseInt(to), null, null));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // a date the list writes in prose (NOTE) or malformed: not usable for scoring
        }
        return Optional.empty();
    }

    private static Document read(InputStream xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(xml);
        } catch (SAXException e) {
            throw new ListFormatException("consolidated.xml: not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ListFormatException("consolidated.xml: cannot be read: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Element> children(Element root, String group, String tag) {
        List<Element> result = new ArrayList<>();
        for (Element g : elements(root, group)) {
            result.addAll(elements(g, tag));
        }
        return result;
    }

    /** The direct child elements with this tag. */
    private static List<Element> elements(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element child && child.getTagName().equals(tag)) {
                result.add(child);
            }
        }
        return result;
    }

    private static String text(Element parent, String tag) {
        List<Element> found = elements(parent, tag);
        if (found.isEmpty()) {
            return null;
        }
        String t = found.get(0).getTextContent().trim();
        return t.isEmpty() ? null : t;
    }

    private static void addText(Element e, List<String> into) {
        String t = e.getTextContent().trim();
        if (!t.isEmpty() && !into.contains(t)) {
            into.add(t);
        }
    }
}
