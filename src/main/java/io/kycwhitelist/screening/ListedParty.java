package io.kycwhitelist.screening;

import java.util.List;

/**
 * One entry of a sanctions list.
 *
 * @param entryId the list's own id (OFAC ent_num, UN reference number)
 * @param name the primary name, in natural order ("First Middle Last" for OFAC individuals)
 * @param aliases other names: a.k.a., f.k.a., n.k.a., names in original script
 * @param weakAliases nicknames and broad aliases (OFAC's quoted "weak" a.k.a.s, the UN's "Low"
 *     quality aliases): shown to reviewers, not screened, as OFAC advises
 * @param countries nationalities and address countries, as the list writes them
 */
public record ListedParty(SanctionsList list, String entryId, PartyType type, String name, List<String> aliases, List<String> weakAliases,
                          List<BirthDate> birthDates, List<String> programs, List<String> countries, String remarks) {

    public ListedParty {
        aliases = List.copyOf(aliases);
        weakAliases = List.copyOf(weakAliases);
        birthDates = List.copyOf(birthDates);
        programs = List.copyOf(programs);
        countries = List.copyOf(countries);
    }

    public boolean individual() {
        return type == PartyType.INDIVIDUAL;
    }
}
