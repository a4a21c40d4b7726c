package io.kycwhitelist.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list formats, read from the real snapshots shipped with the service, and their failures. */
class ListFormatsTest {

    static final SanctionsLists LISTS = ShippedLists.LISTS;

    static ListedParty ofac(String id) {
        return LISTS.party(SanctionsList.OFAC_SDN, id).orElseThrow();
    }

    @Test
    void readsEveryOfacEntryWithItsTypeProgramsAliasesAndDatesOfBirth() {
        ListSource ofac = LISTS.sources().get(0);
        assertEquals(SanctionsList.OFAC_SDN, ofac.list());
        assertEquals(8976, ofac.entries());
        assertEquals("2021", ofac.asOf());
        assertEquals(64, ofac.sha256().length());

        ListedParty yan = ofac("25308");
        assertEquals(PartyType.INDIVIDUAL, yan.type());
        assertEquals("Xiaobing YAN", yan.name(), "LAST, First in natural order");
        assertEquals(List.of("SDNTK"), yan.programs());
        assertEquals(List.of(BirthDate.exact(LocalDate.of(1977, 3, 25))), yan.birthDates());

        ListedParty bank = ofac("306");
        assertEquals(PartyType.ENTITY, bank.type());
        assertTrue(bank.aliases().contains("NATIONAL BANK OF CUBA"), "alt.csv aliases");
        assertEquals(List.of("BNC"), bank.weakAliases(), "quoted a.k.a. of the remarks: weak, not screened");
        assertTrue(bank.countries().contains("Switzerland"), "add.csv countries");
        assertEquals(List.of("CUBA"), bank.programs());

        assertEquals(List.of("SDGT", "SYRIA"), LISTS.party(SanctionsList.OFAC_SDN,
                firstEntryWithPrograms("SDGT] [SYRIA")).orElseThrow().programs(), "several programs");
    }

    private static String firstEntryWithPrograms(String raw) {
        // the id of the first sdn.csv row with these programs
        try (var in = ListFormatsTest.class.getResourceAsStream("/sanctions/ofac-sdn/sdn.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r\n")) {
                if (line.contains("\"" + raw + "\"")) {
                    return line.substring(0, line.indexOf(','));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(raw + " not in sdn.csv");
    }

    @Test
    void readsRemarksThatOverflowIntoTheCommentsFile() {
        ListedParty entry = ofac("29703");
        assertTrue(entry.remarks().contains("Digital Currency Address - ETH 0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c"),
                "the remark continues in sdn_comments.csv, mid-word");
        assertEquals("29703", LISTS.address("0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c").orElseThrow().entryId());
    }

    @Test
    void readsTheDigitalCurrencyAddressesOfEveryAssetInAnyCaseForEthereum() {
        ListedAddress eth = LISTS.address("0x01E2919679362DFBC9EE1644BA9C6DA6D6245BB1").orElseThrow();
        assertEquals("ETH", eth.asset());
        assertTrue(LISTS.address("0x01e2919679362dfbc9ee1644ba9c6da6d6245bb1").isPresent());
        assertTrue(LISTS.address("12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h").isPresent(), "Bitcoin (XBT), from the SDN remarks");
        assertTrue(LISTS.address("12qtd5bfwrsdnsazy76uve1xycgntojh9h").isEmpty(), "Base58 is case-sensitive");
        Map<String, Integer> assets = LISTS.addressesByAsset();
        assertTrue(assets.get("ETH") >= 152 && assets.get("XBT") >= 435 && assets.containsKey("TRX") && assets.containsKey("XMR"), assets.toString());
        assertEquals(SanctionsList.OFAC_DIGITAL_CURRENCY_ADDRESSES, LISTS.sources().get(2).list());
        assertEquals("2024-09", LISTS.sources().get(2).asOf());
    }

    @Test
    void readsTheUnListWithNamesAliasesAndDatesOfBirth() {
        ListSource un = LISTS.sources().get(1);
        assertEquals(730 + 273, un.entries());
        assertEquals("2026-02-27T00:00:09.554Z", un.asOf());

        ListedParty kakolele = LISTS.party(SanctionsList.UN_CONSOLIDATED, "CDi.002").orElseThrow();
        assertEquals("FRANK KAKOLELE BWAMBALE", kakolele.name());
        assertTrue(kakolele.aliases().containsAll(List.of("FRANK KAKORERE", "AIGLE BLANC")));
        assertEquals(List.of("DRC"), kakolele.programs());
        assertTrue(kakolele.countries().contains("Democratic Republic of the Congo"));

        assertEquals(List.of(BirthDate.year(1971)), LISTS.party(SanctionsList.UN_CONSOLIDATED, "CDi.001").orElseThrow().birthDates());
        ListedParty adf = LISTS.party(SanctionsList.UN_CONSOLIDATED, "CDe.001").orElseThrow();
        assertEquals(PartyType.ENTITY, adf.type());
        assertEquals("ADF", adf.name());
        long withOriginalScript = LISTS.screenPerson("حكمت مزبان إبراهيم العزاوي", null, 0.88).size();
        assertEquals(1, withOriginalScript, "names in original script are screened as written");
    }

    @Test
    void readsOfacDatesOfBirthAsWritten() {
        assertEquals(BirthDate.exact(LocalDate.of(1977, 3, 25)), BirthDate.parseOfac("25 Mar 1977").orElseThrow());
        assertEquals(new BirthDate(1977, 1977, 3, null), BirthDate.parseOfac("Mar 1977").orElseThrow());
        assertEquals(BirthDate.year(1961), BirthDate.parseOfac("1961.").orElseThrow());
        assertEquals(new BirthDate(1957, 1959, null, null), BirthDate.parseOfac("circa 1958").orElseThrow());
        assertEquals(new BirthDate(1955, 1958, null, null), BirthDate.parseOfac("1955 to 1958").orElseThrow());
        assertEquals(new BirthDate(1960, 1962, null, null), BirthDate.parseOfac("01 Jan 1960 to 31 Dec 1962").orElseThrow());
        assertTrue(BirthDate.parseOfac("31 Feb 1970").isEmpty());
        assertTrue(BirthDate.parseOfac("unknown").isEmpty());
    }

    @Test
    void comparesDatesOfBirth() {
        BirthDate listed = BirthDate.exact(LocalDate.of(1977, 3, 25));
        assertEquals(BirthDate.Agreement.SAME_DATE, listed.agreement(LocalDate.of(1977, 3, 25)));
        assertEquals(BirthDate.Agreement.CLOSE, listed.agreement(LocalDate.of(1977, 7, 1)));
        assertEquals(BirthDate.Agreement.CLOSE, listed.agreement(LocalDate.of(1979, 1, 1)));
        assertEquals(BirthDate.Agreement.DIFFERENT, listed.agreement(LocalDate.of(1990, 1, 1)));
        assertEquals(BirthDate.Agreement.SAME_YEAR, BirthDate.circa(1958).agreement(LocalDate.of(1959, 5, 5)));
    }

    static Map<String, byte[]> files() {
        return new HashMap<>(ListFiles.bundled(ListFormatsTest.class.getClassLoader()).content());
    }

    @Test
    void refusesMissingAndMalformedFilesNamingThem() {
        Map<String, byte[]> noUn = files();
        noUn.remove(SanctionsLists.UN);
        assertEquals("un-consolidated/consolidated.xml is missing",
                assertThrows(ListFormatException.class, () -> SanctionsLists.load(noUn, Map.of())).getMessage());

        Map<String, byte[]> badSdn = files();
        badSdn.put(SanctionsLists.SDN, "1,\"A\",\"individual\"\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(ListFormatException.class, () -> SanctionsLists.load(badSdn, Map.of())).getMessage()
                .startsWith("sdn.csv line 1: expected 12 comma-separated fields, found 3"));

        Map<String, byte[]> badType = files();
        badType.put(SanctionsLists.SDN, "1,\"A\",\"spaceship\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(ListFormatException.class, () -> SanctionsLists.load(badType, Map.of())).getMessage()
                .contains("unknown entry type 'spaceship'"));

        Map<String, byte[]> notUn = files();
        notUn.put(SanctionsLists.UN, "<html><body>Service unavailable</body></html>".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(ListFormatException.class, () -> SanctionsLists.load(notUn, Map.of())).getMessage()
                .contains("not <CONSOLIDATED_LIST>"));

        Map<String, byte[]> badAddress = files();
        badAddress.put(SanctionsLists.ADDRESS_FOLDER + "sanctioned_addresses_ETH.txt", "0x1234\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(ListFormatException.class, () -> SanctionsLists.load(badAddress, Map.of())).getMessage()
                .startsWith("sanctioned_addresses_ETH.txt line 1"));
    }

    @Test
    void refusesXmlWithADocumentTypeDeclaration() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CONSOLIDATED_LIST>&e;</CONSOLIDATED_LIST>";
        ListFormatException e = assertThrows(ListFormatException.class,
                () -> UnListFormat.parse(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("consolidated.xml: not well-formed XML"), e.getMessage());
    }

    @Test
    void readsAnAddressFileAndItsAsset() {
        assertEquals("XBT", DigitalCurrencyAddressFormat.assetOf("sanctioned_addresses_XBT.txt"));
        assertNull(DigitalCurrencyAddressFormat.assetOf("README.md"));
        List<ListedAddress> read = DigitalCurrencyAddressFormat.parse("ETH", "f", new StringReader(
                "0x01e2919679362dFBC9ee1644Ba9C6da6D6245BB1\r\n\n0x03893a7c7463AE47D46bc7f091665f1893656003\n"));
        assertEquals(2, read.size());
    }
}
