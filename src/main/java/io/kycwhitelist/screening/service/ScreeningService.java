package io.kycwhitelist.screening.service;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.screening.ListSource;
import io.kycwhitelist.screening.ListedAddress;
import io.kycwhitelist.screening.ListedParty;
import io.kycwhitelist.screening.NameMatcher;
import io.kycwhitelist.screening.service.SanctionsHit;
import io.kycwhitelist.screening.service.SanctionsHit.ListedEntry;
import io.kycwhitelist.screening.service.SanctionsHit.Subject;
import io.kycwhitelist.screening.SanctionsList;
import io.kycwhitelist.screening.SanctionsLists;
import io.kycwhitelist.screening.service.SanctionsScreening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Screens applications' names and wallets against the sanctions lists in force and records the result. */
@ApplicationScoped
public class ScreeningService {

    private final SanctionsListsInForce lists;
    private final AuditTrail audit;

    ScreeningService(SanctionsListsInForce lists, AuditTrail audit) {
        this.lists = lists;
        this.audit = audit;
    }

    /** The names and wallets of an application, to screen; null names are not screened (wallets only). */
    public record Subjects(String personName, LocalDate dateOfBirth, String organisationName, List<String> wallets) {}

    /** One possible match. */
    public record Found(Subject subject, String screenedValue, SanctionsList list, String entryId, String matchedName, double score,
                        List<String> why, ListedEntry entry) {}

    /** The result of a screening, before it is recorded. */
    public record Screened(List<ListSource> lists, double threshold, List<Found> hits) {

        public List<String> sanctionedWallets() {
            return hits.stream().filter(h -> h.subject() == Subject.WALLET).map(Found::screenedValue).toList();
        }

        public boolean potentialNameMatch() {
            return hits.stream().anyMatch(h -> h.subject() != Subject.WALLET);
        }

        /** The possible name matches on list entries never recorded for the application (recorded ones are, or were, before reviewers). */
        public List<Found> unrecordedNameMatches(UUID applicationId) {
            List<Found> names = hits.stream().filter(h -> h.subject() != Subject.WALLET).toList();
            if (names.isEmpty()) {
                return names;
            }
            Set<String> known = SanctionsHit.of(applicationId).stream().map(h -> h.list + "/" + h.entryId).collect(Collectors.toSet());
            return names.stream().filter(h -> !known.contains(h.list() + "/" + h.entryId())).toList();
        }
    }

    /** Screens without recording: pure, against the lists in force at this moment. */
    public Screened screen(Subjects subjects) {
        SanctionsLists in = lists.current();
        double threshold = lists.threshold();
        List<Found> hits = new ArrayList<>();
        Subject person = subjects.organisationName() == null ? Subject.PERSON : Subject.REPRESENTATIVE;
        if (subjects.personName() != null) {
            for (NameMatcher.Hit hit : in.screenPerson(subjects.personName(), subjects.dateOfBirth(), threshold)) {
                hits.add(found(person, subjects.personName(), hit));
            }
        }
        if (subjects.organisationName() != null) {
            for (NameMatcher.Hit hit : in.screenOrganisation(subjects.organisationName(), threshold)) {
                hits.add(found(Subject.ORGANISATION, subjects.organisationName(), hit));
            }
        }
        for (String wallet : subjects.wallets()) {
            in.address(wallet).ifPresent(listed -> hits.add(walletHit(in, wallet, listed)));
        }
        return new Screened(in.sources(), threshold, hits);
    }

    private static Found found(Subject subject, String screened, NameMatcher.Hit hit) {
        ListedParty party = hit.party();
        return new Found(subject, screened, party.list(), party.entryId(), hit.matchedName(), hit.score(), hit.why(), ListedEntry.of(party));
    }

    private static Found walletHit(SanctionsLists in, String wallet, ListedAddress listed) {
        List<String> why = List.of("listed by OFAC as a " + listed.asset() + " digital currency address");
        ListedParty owner = listed.entryId() == null ? null : in.party(SanctionsList.OFAC_SDN, listed.entryId()).orElse(null);
        if (owner != null) {
            return new Found(Subject.WALLET, wallet, SanctionsList.OFAC_SDN, owner.entryId(), listed.address(), 1.0, why, ListedEntry.of(owner));
        }
        ListedEntry entry = new ListedEntry("DIGITAL_CURRENCY_ADDRESS", listed.address(), List.of(), List.of(), List.of(), List.of(), List.of(),
                listed.asset() + " address on OFAC's list of sanctioned digital currency addresses");
        return new Found(Subject.WALLET, wallet, SanctionsList.OFAC_DIGITAL_CURRENCY_ADDRESSES, listed.asset(), listed.address(), 1.0, why, entry);
    }

    /** Records a screening of an application and its hits, with an audit record (no names: counts and lists). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID applicationId, String policyVersion, Screened screened, Instant at) {
        SanctionsScreening screening = new SanctionsScreening();
        screening.id = UUID.randomUUID();
        screening.applicationId = applicationId;
        screening.screenedAt = at;
        screening.threshold = BigDecimal.valueOf(screened.threshold()).setScale(3, RoundingMode.HALF_UP);
        screening.lists = screened.lists();
        screening.persist();
        for (Found f : screened.hits()) {
            SanctionsHit hit = new SanctionsHit();
            hit.id = UUID.randomUUID();
            hit.screeningId = screening.id;
            hit.applicationId = applicationId;
            hit.subject = f.subject();
            hit.screenedValue = f.screenedValue();
            hit.list = f.list();
            hit.entryId = f.entryId();
            hit.matchedName = f.matchedName();
            hit.score = BigDecimal.valueOf(f.score()).setScale(3, RoundingMode.HALF_UP);
            hit.why = f.why();
            hit.entry = f.entry();
            hit.persist();
        }
        audit.record(AuditTrail.SYSTEM, AuditAction.SANCTIONS_SCREENED, applicationId, policyVersion,
                "lists=" + screened.lists().stream().map(ListSource::label)
                        .collect(Collectors.joining(","))
                        + " threshold=" + screened.threshold()
                        + " nameHits=" + screened.hits().stream().filter(h -> h.subject() != Subject.WALLET).count()
                        + " walletHits=" + screened.sanctionedWallets().size(), at);
    }

    /**
     * A reviewer sets a hit aside as a false positive. Call with the application locked.
     *
     * @return the hit, dismissed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SanctionsHit dismiss(UUID applicationId, UUID hitId, String reason, String reviewer, String policyVersion, Instant at) {
        SanctionsHit hit = SanctionsHit.findById(hitId);
        if (hit == null || !hit.applicationId.equals(applicationId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "This application has no sanctions hit with this id.");
        }
        if (hit.subject == Subject.WALLET) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                    "A wallet on the sanctions list is not a possible match but a listed address: it cannot be dismissed.");
        }
        if (!hit.open()) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                    "This hit was dismissed already by " + hit.dismissedBy + " at " + hit.dismissedAt + ".");
        }
        hit.dismissedBy = reviewer;
        hit.dismissalReason = reason;
        hit.dismissedAt = at;
        audit.record(reviewer, AuditAction.SANCTIONS_HIT_DISMISSED, applicationId, policyVersion,
                "hit " + hit.id + " " + hit.list + "/" + hit.entryId + " score " + hit.score + " (" + hit.subject + "): " + reason, at);
        return hit;
    }
}
