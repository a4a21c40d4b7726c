package io.kycwhitelist.screening;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A loaded set of sanctions lists, immutable: OFAC SDN, the UN consolidated list and OFAC's
 * digital currency addresses, read from files laid out as the lists are published:
 * <pre>
 * ofac-sdn/sdn.csv, alt.csv, add.csv, sdn_comments.csv
 * un-consolidated/consolidated.xml
 * ofac-digital-currency-addresses/sanctioned_addresses_&lt;ASSET&gt;.txt
 * </pre>
 */
public final class SanctionsLists {

    public static final String SDN = "ofac-sdn/sdn.csv";
    public static final String ALT = "ofac-sdn/alt.csv";
    public static final String ADD = "ofac-sdn/add.csv";
    public static final String COMMENTS = "ofac-sdn/sdn_comments.csv";
    public static final String UN = "un-consolidated/consolidated.xml";
    public static final String ADDRESS_FOLDER = "ofac-digital-currency-addresses/";

    private final List<ListSource> sources;
    private final Map<String, ListedParty> parties;
    private final Map<String, ListedAddress> addresses;
    private final Map<String, Integer> addressesByAsset;
    private final NameMatcher people;
    private final NameMatcher organisations;

    private SanctionsLists(List<ListSource> sources, List<ListedParty> parties, Map<String, ListedAddress> addresses,
                           List<ListedAddress> everyListing) {
        this.sources = List.copyOf(sources);
        Map<String, Integer> byAsset = new TreeMap<>();
        everyListing.stream().map(a -> a.asset() + " " + ListedAddress.key(a.address())).distinct()
                .forEach(k -> byAsset.merge(k.substring(0, k.indexOf(' ')), 1, Integer::sum));
        this.addressesByAsset = Map.copyOf(byAsset);
        this.parties = new HashMap<>();
        parties.forEach(p -> this.parties.put(p.list() + "/" + p.entryId(), p));
        this.addresses = Map.copyOf(addresses);
        this.people = new NameMatcher(parties.stream().filter(ListedParty::individual).toList(), false);
        this.organisations = new NameMatcher(parties.stream().filter(p -> !p.individual()).toList(), true);
    }

    /**
     * Reads the lists.
     *
     * @param files the files' bytes by their path in the layout above
     * @param asOf the date of each list whose format carries none (OFAC's CSV and address files)
     * @throws ListFormatException when a file is missing or not in its list's format
     */
    public static SanctionsLists load(Map<String, byte[]> files, Map<SanctionsList, String> asOf) {
        for (String required : List.of(SDN, ALT, ADD, UN)) {
            if (!files.containsKey(required)) {
                throw new ListFormatException(required + " is missing");
            }
        }
        OfacSdnFormat.Content ofac = OfacSdnFormat.parse(reader(files.get(SDN)), reader(files.get(ALT)), reader(files.get(ADD)),
                reader(files.getOrDefault(COMMENTS, new byte[0])));
        UnListFormat.Content un = UnListFormat.parse(new ByteArrayInputStream(files.get(UN)));

        Map<String, ListedAddress> addresses = new LinkedHashMap<>();
        ofac.addresses().forEach(a -> addresses.put(ListedAddress.key(a.address()), a));
        List<ListedAddress> everyListing = new ArrayList<>(ofac.addresses());
        Map<String, byte[]> addressFiles = new TreeMap<>();
        int fromFiles = 0;
        for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
            String path = file.getKey();
            if (!path.startsWith(ADDRESS_FOLDER)) {
                continue;
            }
            String name = path.substring(ADDRESS_FOLDER.length());
            String asset = DigitalCurrencyAddressFormat.assetOf(name);
            if (asset == null) {
                continue;
            }
            addressFiles.put(path, file.getValue());
            for (ListedAddress a : DigitalCurrencyAddressFormat.parse(asset, name, reader(file.getValue()))) {
                addresses.putIfAbsent(ListedAddress.key(a.address()), a);
                everyListing.add(a);
                fromFiles++;
            }
        }
        List<ListedParty> parties = new ArrayList<>(ofac.parties());
        parties.addAll(un.parties());
        List<ListSource> sources = List.of(
                new ListSource(SanctionsList.OFAC_SDN, asOf.get(SanctionsList.OFAC_SDN),
                        sha256(files, List.of(SDN, ALT, ADD, COMMENTS)), ofac.parties().size(), ofac.addresses().size()),
                new ListSource(SanctionsList.UN_CONSOLIDATED, un.dateGenerated(), sha256(files, List.of(UN)), un.parties().size(), 0),
                new ListSource(SanctionsList.OFAC_DIGITAL_CURRENCY_ADDRESSES, asOf.get(SanctionsList.OFAC_DIGITAL_CURRENCY_ADDRESSES),
                        sha256(addressFiles, List.copyOf(addressFiles.keySet())), 0, fromFiles));
        return new SanctionsLists(sources, parties, addresses, everyListing);
    }

    public List<ListSource> sources() {
        return sources;
    }

    /** Hits of a person's name among the listed individuals, best first. */
    public List<NameMatcher.Hit> screenPerson(String name, LocalDate dateOfBirth, double threshold) {
        return people.screen(name, dateOfBirth, threshold);
    }

    /** Hits of an organisation's name among the listed entities, vessels and aircraft, best first. */
    public List<NameMatcher.Hit> screenOrganisation(String name, double threshold) {
        return organisations.screen(name, null, threshold);
    }

    /** The listing of a digital currency address, in any case for hexadecimal addresses. */
    public Optional<ListedAddress> address(String address) {
        return Optional.ofNullable(addresses.get(ListedAddress.key(address)));
    }

    public Optional<ListedParty> party(SanctionsList list, String entryId) {
        return Optional.ofNullable(parties.get(list + "/" + entryId));
    }

    /** Every entry of the name lists (OFAC SDN, UN). */
    public List<ListedParty> parties() {
        return List.copyOf(parties.values());
    }

    public int partyCount() {
        return parties.size();
    }

    public int addressCount() {
        return addresses.size();
    }

    /** How many names and aliases are screened: people, organisations. */
    public int[] nameCounts() {
        return new int[] {people.nameCount(), organisations.nameCount()};
    }

    /**
     * Distinct addresses by asset, to show what is loaded (other chains are kept for when they are
     * supported). One address may be listed under several assets (ETH, USDT, USDC, ...).
     */
    public Map<String, Integer> addressesByAsset() {
        return new TreeMap<>(addressesByAsset);
    }

    private static Reader reader(byte[] bytes) {
        return new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
    }

    private static String sha256(Map<String, byte[]> files, List<String> paths) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String path : paths) {
                byte[] content = files.get(path);
                if (content != null) {
                    digest.update(path.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(content);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
