package io.kycwhitelist.rescreening.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.Hashes;
import io.kycwhitelist.common.crypto.SealedColumn;
import io.kycwhitelist.common.crypto.Sealing;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.intake.ApplicationWallet;
import io.kycwhitelist.intake.service.ApplicantPolicy;
import io.kycwhitelist.intake.service.WalletClaims;
import io.kycwhitelist.policy.Applicant;
import io.kycwhitelist.policy.DocumentType;
import io.kycwhitelist.policy.Flag;
import io.kycwhitelist.policy.JurisdictionPolicy;
import io.kycwhitelist.policy.PolicyDecision;
import io.kycwhitelist.policy.PolicyInForce;
import io.kycwhitelist.policy.Reason;
import io.kycwhitelist.rescreening.Outcome;
import io.kycwhitelist.rescreening.api.DryRunReport;
import io.kycwhitelist.rescreening.api.RescreeningView;
import io.kycwhitelist.screening.ListSource;
import io.kycwhitelist.screening.service.SanctionsHit;
import io.kycwhitelist.screening.service.SanctionsListsInForce;
import io.kycwhitelist.screening.service.ScreeningService;
import io.kycwhitelist.whitelist.ChangeType;
import io.kycwhitelist.whitelist.OutboxEvent;
import io.kycwhitelist.whitelist.OutboxPublisher;
import io.kycwhitelist.whitelist.WhitelistEntry;
import io.kycwhitelist.whitelist.WhitelistStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Re-screens every applicant who holds an ACTIVE entry and every open application whenever the
 * basis of the decisions changes: a new policy version or new sanctions lists. One run per basis,
 * on one instance (an advisory lock), started when an instance first sees the basis (at start-up,
 * after a reload here or on another instance). Names are screened again only when the lists
 * changed since the last run; a policy change alone checks the policy and the wallets.
 *
 * <p>What a run finds is applied per applicant in its own transaction, through the outbox like
 * every whitelist change ({@link Outcome}); a run that stops half-way is run again and skips what
 * it did already.
 */
@ApplicationScoped
public class Rescreening {

    static final long LOCK = 0x6b7963_726573L;
    private static final Logger LOG = Logger.getLogger(Rescreening.class);
    private static final int BATCH = 2_000;
    private static final int PROGRESS_EVERY = 100_000;
    private static final int MAX_REPORTED = 1_000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final AgroalDataSource dataSource;
    private final PolicyInForce policies;
    private final SanctionsListsInForce lists;
    private final ScreeningService screening;
    private final Sealing sealing;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final OutboxPublisher publisher;
    private volatile boolean stopping;

    Rescreening(AgroalDataSource dataSource, PolicyInForce policies, SanctionsListsInForce lists, ScreeningService screening, Sealing sealing,
                ObjectMapper json, AuditTrail audit, OutboxPublisher publisher) {
        this.dataSource = dataSource;
        this.policies = policies;
        this.lists = lists;
        this.screening = screening;
        this.sealing = sealing;
        this.json = json;
        this.audit = audit;
        this.publisher = publisher;
    }

    /**
     * One wallet of an applicant as the re-screening sees it: an ACTIVE entry ({@code approved}), or
     * a wallet of an open application. An applicant with several wallets is seen once for each.
     */
    public record Subject(UUID applicationId, boolean approved, Applicant applicant, String name, String organisation, String wallet,
                          boolean erased) {}

    /** An applicant the re-screening found restricted or possibly matched. */
    public record Finding(Subject subject, PolicyDecision decision, ScreeningService.Screened screened) {}

    /** How many ACTIVE entries and wallets of open applications a scan looked at. */
    public record Scanned(int entries, int applications, Duration took) {}

    /** What a run changed: entries suspended, applications rejected and flagged. */
    record Changes(int suspended, int rejected, int flagged) {}

    /** What applying a finding did: the outcome, and for a suspension how many entries. */
    private record Applied(Outcome outcome, int entries) {}

    private static final Applied NOTHING = new Applied(Outcome.NONE, 0);

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${kyc.sanctions.sync-interval:10s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        runIfDue();
    }

    /** Starts {@link #runIfDue()} in the background, at once (after a reload). */
    public void startIfDue() {
        Infrastructure.getDefaultWorkerPool().execute(this::runIfDue);
    }

    private String listsSha256() {
        return Hashes.sha256Hex(lists.current().sources().stream().map(ListSource::sha256).collect(Collectors.joining(",")));
    }

    /**
     * Runs the re-screening of the basis in force here unless it ran already (on any instance) or
     * another instance runs one now. Never throws: a failed run is recorded and tried again on the
     * next look.
     */
    public synchronized void runIfDue() {
        if (stopping) {
            return;
        }
        JurisdictionPolicy policy = policies.current();
        String listsSha = listsSha256();
        String basis = policy.sha256() + "/" + listsSha;
        try (Connection lock = dataSource.getConnection()) {
            if (finished(lock, basis) || !tryLock(lock)) {
                return;
            }
            try {
                if (!finished(lock, basis)) {
                    run(lock, policy, basis, listsSha);
                }
            } finally {
                try (PreparedStatement s = lock.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    s.setLong(1, LOCK);
                    s.execute();
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Re-screening under policy %s did not complete; it is tried again on the next look", policy.version());
        }
    }

    private void run(Connection c, JurisdictionPolicy policy, String basis, String listsSha) throws SQLException {
        String lastListsSha = lastListsSha256(c);
        boolean screenNames = !listsSha.equals(lastListsSha);
        UUID id = start(c, policy, basis, listsSha, screenNames);
        LOG.infof("Re-screening %s started: policy %s, %s", id, policy.version(), lastListsSha == null ? "the first one: names are screened too"
                : screenNames ? "the sanctions lists changed: names are screened again" : "the sanctions lists are unchanged: policy and wallets only");
        int[] changes = new int[3];
        Scanned scanned;
        try {
            scanned = scan(policy, screenNames, findings -> {
                for (Applied applied : applyAll(id, findings)) {
                    switch (applied.outcome()) {
                        case SUSPEND -> changes[0] += applied.entries();
                        case REJECT -> changes[1]++;
                        case FLAG -> changes[2]++;
                        case NONE -> { }
                    }
                }
            });
        } catch (RuntimeException e) {
            try (PreparedStatement s = c.prepareStatement("UPDATE rescreening SET failure = ? WHERE id = ?")) {
                String failure = String.valueOf(e.getMessage());
                s.setString(1, failure.length() > 2000 ? failure.substring(0, 2000) : failure);
                s.setObject(2, id);
                s.executeUpdate();
            }
            throw e;
        }
        Changes done = new Changes(changes[0], changes[1], changes[2]);
        Instant finished = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE rescreening SET finished_at = ?, entries_checked = ?, applications_checked = ?, entries_suspended = ?,
                    applications_rejected = ?, applications_flagged = ?, failure = NULL WHERE id = ?""")) {
            s.setTimestamp(1, Timestamp.from(finished));
            s.setInt(2, scanned.entries());
            s.setInt(3, scanned.applications());
            s.setInt(4, done.suspended());
            s.setInt(5, done.rejected());
            s.setInt(6, done.flagged());
            s.setObject(7, id);
            s.executeUpdate();
        }
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditTrail.SYSTEM, AuditAction.RESCREENED, null, policy.version(),
                "rescreening=" + id + " namesScreened=" + screenNames + " entriesChecked=" + scanned.entries()
                        + " openApplicationWallets=" + scanned.applications() + " suspendedEntries=" + done.suspended()
                        + " rejected=" + done.rejected() + " flagged=" + done.flagged(), finished));
        LOG.infof("Re-screening %s finished in %d ms: %d ACTIVE entries and %d wallet(s) of open applications checked; "
                        + "%d entr%s suspended, %d application(s) rejected, %d flagged",
                id, scanned.took().toMillis(), scanned.entries(), scanned.applications(), done.suspended(),
                done.suspended() == 1 ? "y" : "ies", done.rejected(), done.flagged());
        if (done.suspended() > 0) {
            publisher.publishPending();
        }
    }

    /** What {@code candidate} would change if it were put in force now; changes nothing. */
    public DryRunReport dryRun(JurisdictionPolicy candidate) {
        List<DryRunReport.Change> changes = new ArrayList<>();
        Map<String, Integer> byReason = new TreeMap<>();
        Map<UUID, List<String>> addresses = new HashMap<>();
        int[] counts = new int[3];
        Scanned scanned = scan(candidate, false, findings -> findings.forEach(finding -> {
            Subject subject = finding.subject();
            if (subject.approved()) {
                counts[1]++;
            }
            List<String> wallets = addresses.get(subject.applicationId());
            if (wallets != null) { // another wallet of an applicant found already
                wallets.add(subject.wallet());
                return;
            }
            counts[0]++;
            if (!subject.approved()) {
                counts[2]++;
            }
            List<String> reasons = finding.decision().reasons().stream().map(Reason::label).distinct().toList();
            reasons.forEach(r -> byReason.merge(r, 1, Integer::sum));
            wallets = new ArrayList<>(List.of(subject.wallet()));
            addresses.put(subject.applicationId(), wallets);
            if (changes.size() < MAX_REPORTED) {
                changes.add(new DryRunReport.Change(subject.applicationId(), subject.approved() ? "SUSPEND" : "REJECT", wallets, reasons));
            }
        }));
        return new DryRunReport(candidate.version(), candidate.sha256(), policies.current().version(), scanned.entries(), scanned.applications(),
                counts[1], counts[2], byReason, changes, counts[0] > changes.size(), scanned.took().toMillis());
    }

    /** The latest re-screenings, newest first. */
    public List<RescreeningView> latest(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT id, policy_version, lists_sha256, names_screened, started_at, finished_at, entries_checked, applications_checked,
                       entries_suspended, applications_rejected, applications_flagged, failure
                FROM rescreening ORDER BY started_at DESC LIMIT ?""")) {
            s.setInt(1, limit);
            List<RescreeningView> runs = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp finished = r.getTimestamp(6);
                    runs.add(new RescreeningView(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getBoolean(4),
                            r.getTimestamp(5).toInstant(), finished == null ? null : finished.toInstant(), r.getInt(7), r.getInt(8),
                            r.getInt(9), r.getInt(10), r.getInt(11), r.getString(12)));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the re-screenings failed", e);
        }
    }

    private static boolean finished(Connection c, String basis) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM rescreening WHERE basis = ? AND finished_at IS NOT NULL")) {
            s.setString(1, basis);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, LOCK);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static String lastListsSha256(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT lists_sha256 FROM rescreening WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static UUID start(Connection c, JurisdictionPolicy policy, String basis, String listsSha, boolean screenNames) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO rescreening (id, basis, policy_version, policy_sha256, lists_sha256, names_screened, started_at)
                VALUES (?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (basis) DO UPDATE SET started_at = now(), names_screened = EXCLUDED.names_screened, failure = NULL
                RETURNING id""")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, basis);
            s.setString(3, policy.version());
            s.setString(4, policy.sha256());
            s.setString(5, listsSha);
            s.setBoolean(6, screenNames);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1, UUID.class);
            }
        }
    }

    /**
     * Evaluates the applicant of every ACTIVE entry and every open application under {@code policy}
     * and the lists in force, without changing anything; hands what it finds restricted or possibly
     * matched to {@code onFindings}, a batch at a time, on the calling thread. Logs its progress
     * every 100,000 wallets.
     */
    public Scanned scan(JurisdictionPolicy policy, boolean screenNames, Consumer<List<Finding>> onFindings) {
        long start = System.nanoTime();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int[] counts = new int[2];
        // This thread reads the next batch while the pool evaluates the last one.
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor: the rows come in batches of the fetch size
            try (Statement memory = c.createStatement()) {
                memory.execute("SET LOCAL work_mem = '128MB'"); // the join of a million rows in memory, not in temporary files
            }
            try (PreparedStatement s = c.prepareStatement(SUBJECTS)) {
                s.setFetchSize(BATCH);
                try (ResultSet r = s.executeQuery()) {
                    Future<List<Finding>> evaluating = null;
                    List<Row> batch;
                    do {
                        if (stopping) {
                            throw new IllegalStateException("the service is stopping; the re-screening runs again at the next start");
                        }
                        batch = new ArrayList<>(BATCH);
                        while (batch.size() < BATCH && r.next()) {
                            batch.add(Row.read(r));
                        }
                        List<Row> rows = batch;
                        Future<List<Finding>> next = rows.isEmpty() ? null : pool.submit(() -> rows.parallelStream()
                                .map(row -> evaluate(row.subject(sealing, this::strings), policy, screenNames, today))
                                .filter(Objects::nonNull)
                                .toList());
                        if (evaluating != null) {
                            deliver(evaluating.get(), onFindings);
                        }
                        int before = counts[0] + counts[1];
                        rows.forEach(row -> counts[row.approved() ? 0 : 1]++);
                        if ((counts[0] + counts[1]) / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                            LOG.infof("Re-screening under policy %s: %d wallet(s) read so far in %d ms", policy.version(),
                                    counts[0] + counts[1], (System.nanoTime() - start) / 1_000_000);
                        }
                        evaluating = next;
                    } while (batch.size() == BATCH);
                    if (evaluating != null) {
                        deliver(evaluating.get(), onFindings);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the applicants to re-screen failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Re-screening interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Evaluating the applicants failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
        return new Scanned(counts[0], counts[1], Duration.ofNanos(System.nanoTime() - start));
    }

    private static void deliver(List<Finding> found, Consumer<List<Finding>> onFindings) {
        if (!found.isEmpty()) {
            onFindings.accept(found);
        }
    }

    private static final String SUBJECTS = """
            SELECT a.id, a.applicant_type, a.citizenships::text, a.country_of_residence, a.residence_subdivision, a.tax_residences::text,
                   a.us_permanent_resident, a.id_document_type, a.id_document_issuing_country, a.date_of_birth_sealed,
                   a.country_of_incorporation, a.principal_place_of_business, a.professional_investor, a.full_legal_name,
                   a.organization_legal_name, a.erased_at IS NOT NULL, s.approved, s.address
            FROM (SELECT e.application_id AS id, true AS approved, e.address FROM whitelist_entry e WHERE e.status = 'ACTIVE'
                  UNION ALL
                  SELECT w.application_id, false, w.address
                  FROM application_wallet w JOIN application o ON o.id = w.application_id
                  WHERE o.status IN ('PENDING_DOCUMENT', 'PENDING_REVIEW', 'PENDING_SECOND_APPROVAL')) s
            JOIN application a ON a.id = s.id
            """;

    /** A row as read, cheap to take on the reading thread; {@link #subject} does the work (opening, parsing). */
    private record Row(UUID applicationId, String applicantType, String citizenships, String residence, String subdivision,
                       String taxResidences, boolean usPermanentResident, String documentType, String documentCountry, byte[] dateOfBirth,
                       String incorporation, String placeOfBusiness, boolean professionalInvestor, String name, String organisation,
                       boolean erased, boolean approved, String wallet) {

        static Row read(ResultSet r) throws SQLException {
            return new Row(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                    r.getBoolean(7), r.getString(8), r.getString(9), r.getBytes(10), r.getString(11), r.getString(12), r.getBoolean(13),
                    r.getString(14), r.getString(15), r.getBoolean(16), r.getBoolean(17), r.getString(18));
        }

        Subject subject(Sealing sealing, Function<String, List<String>> strings) {
            Applicant.Person person = new Applicant.Person(sealing.openDate(SealedColumn.APPLICATION_DATE_OF_BIRTH, applicationId, dateOfBirth),
                    strings.apply(citizenships), residence, subdivision, strings.apply(taxResidences), usPermanentResident,
                    DocumentType.valueOf(documentType), documentCountry);
            Applicant.Organization organization = "ORGANIZATION".equals(applicantType) ? new Applicant.Organization(incorporation, placeOfBusiness) : null;
            return new Subject(applicationId, approved, new Applicant(person, organization, professionalInvestor),
                    erased ? null : name, erased ? null : organisation, wallet, erased);
        }
    }

    private List<String> strings(String jsonArray) {
        try {
            return json.readValue(jsonArray, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An application's country list is not a JSON array", e);
        }
    }

    /** The finding on one applicant, or null when there is nothing to act on. */
    private Finding evaluate(Subject subject, JurisdictionPolicy policy, boolean screenNames, LocalDate today) {
        ScreeningService.Screened screened = screening.screen(new ScreeningService.Subjects(
                screenNames ? subject.name() : null, subject.applicant().person().dateOfBirth(),
                screenNames ? subject.organisation() : null, List.of(subject.wallet())));
        PolicyDecision decision = ApplicantPolicy.withScreening(policy.evaluate(subject.applicant(), today), screened);
        return decision.rejected() || screened.potentialNameMatch() ? new Finding(subject, decision, screened) : null;
    }

    /**
     * Applies a batch of findings in one transaction; when that fails, each in a transaction of its
     * own, so that one failure holds up no other applicant.
     */
    private List<Applied> applyAll(UUID rescreeningId, List<Finding> findings) {
        // Holders restricted by the policy alone (no sanctions hit to record): suspended set-wise.
        List<Finding> byPolicy = findings.stream().filter(f -> f.subject().approved() && f.screened().hits().isEmpty()).toList();
        List<Finding> others = findings.stream().filter(f -> !byPolicy.contains(f)).toList();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<Applied> applied = new ArrayList<>();
                if (!byPolicy.isEmpty()) {
                    applied.add(new Applied(Outcome.SUSPEND, suspendByPolicy(rescreeningId, byPolicy)));
                }
                others.forEach(f -> applied.add(apply(rescreeningId, f)));
                return applied;
            });
        } catch (RuntimeException e) {
            LOG.warnf("Re-screening %s: a batch of %d finding(s) failed (%s); applying them one by one", rescreeningId, findings.size(),
                    e.getMessage());
            return findings.stream().map(f -> QuarkusTransaction.requiringNew().call(() -> apply(rescreeningId, f))).toList();
        }
    }

    /**
     * Suspends the ACTIVE entries of holders the policy now restricts, with their audit records, in
     * one statement (a policy change may suspend thousands); an entry with a change other than an
     * activation on its way is left to that change. Returns how many entries it suspended.
     */
    private int suspendByPolicy(UUID rescreeningId, List<Finding> findings) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String policyVersion = findings.get(0).decision().policyVersion();
        try (Connection c = dataSource.getConnection(); PreparedStatement lock = c.prepareStatement(
                "SELECT 1 FROM whitelist_entry WHERE address_key = ANY(?) ORDER BY address_key FOR UPDATE");
             PreparedStatement s = c.prepareStatement("""
                WITH restricted (application_id, address_key, reason) AS (SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[])),
                suspended AS (
                    INSERT INTO outbox_event (event_id, type, chain, address, application_id, expires_at, reason, created_at, ownership_proven)
                    SELECT gen_random_uuid(), 'WHITELIST_SUSPENDED', e.chain, e.address, e.application_id, e.expires_at, r.reason, ?, e.ownership_proven
                    FROM restricted r
                    JOIN whitelist_entry e ON e.address_key = r.address_key AND e.application_id = r.application_id AND e.status = 'ACTIVE'
                    JOIN application a ON a.id = r.application_id AND a.status = 'APPROVED'
                    WHERE NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.published_at IS NULL AND lower(o.address) = e.address_key
                                        AND o.type <> 'WHITELIST_ACTIVATED')
                    RETURNING application_id, address, reason)
                INSERT INTO audit_event (occurred_at, actor, action, application_id, address, policy_version, detail)
                SELECT ?, 'system', 'SUSPENDED', application_id, address, ?, ? || reason FROM suspended""")) {
            // The entries are locked first, as a revocation locks its entry: a revocation that commits
            // meanwhile is seen by the statement below (a new snapshot) and wins; a later one waits
            // for this transaction and comes after the suspension in the outbox.
            lock.setArray(1, c.createArrayOf("text", findings.stream().map(f -> f.subject().wallet().toLowerCase(Locale.ROOT)).toArray()));
            lock.executeQuery().close();
            s.setArray(1, c.createArrayOf("uuid", findings.stream().map(f -> f.subject().applicationId()).toArray()));
            s.setArray(2, c.createArrayOf("text", findings.stream().map(f -> f.subject().wallet().toLowerCase(Locale.ROOT)).toArray()));
            s.setArray(3, c.createArrayOf("text", findings.stream()
                    .map(f -> Outcome.suspensionReason(policyVersion, f.decision().reasons(), false)).toArray()));
            s.setTimestamp(4, Timestamp.from(now));
            s.setTimestamp(5, Timestamp.from(now));
            s.setString(6, policyVersion);
            s.setString(7, "re-screening " + rescreeningId + " under policy " + policyVersion + ": ");
            int suspended = s.executeUpdate();
            if (suspended > 0) {
                LOG.debugf("Re-screening %s: %d entr%s of holders restricted by policy %s suspended", rescreeningId, suspended,
                        suspended == 1 ? "y" : "ies", policyVersion);
            }
            return suspended;
        }
    }

    /** Applies a finding to the applicant as it stands now. */
    private Applied apply(UUID rescreeningId, Finding finding) {
        Application app = Application.findById(finding.subject().applicationId(), LockModeType.PESSIMISTIC_WRITE);
        boolean approved = app.status == ApplicationStatus.APPROVED;
        if (!approved && !app.status.awaitsDecision() && app.status != ApplicationStatus.PENDING_DOCUMENT) {
            return NOTHING; // rejected meanwhile
        }
        List<ScreeningService.Found> newHits = finding.screened().unrecordedNameMatches(app.id);
        PolicyDecision decision = finding.decision();
        Outcome outcome = Outcome.of(approved, decision.rejected(), !newHits.isEmpty());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String run = "re-screening " + rescreeningId + " under policy " + decision.policyVersion();
        int entries = 0;
        switch (outcome) {
            case NONE -> {
                return NOTHING;
            }
            case SUSPEND -> {
                entries = suspend(app, Outcome.suspensionReason(decision.policyVersion(), decision.reasons(), !newHits.isEmpty()),
                        decision.policyVersion(), run, now);
                if (entries == 0) {
                    return NOTHING;
                }
            }
            case REJECT -> {
                app.status = ApplicationStatus.REJECTED;
                app.reasons = new ArrayList<>(decision.reasons());
                app.policyVersion = decision.policyVersion();
                WalletClaims.releaseAll(app);
                audit.record(AuditTrail.SYSTEM, AuditAction.AUTO_REJECTED, app.id, decision.policyVersion(),
                        run + ": " + decision.reasons().stream().map(Reason::label).collect(Collectors.joining(",")), now);
            }
            case FLAG -> {
                if (!app.flags.contains(Flag.SANCTIONS_POTENTIAL_MATCH)) {
                    List<Flag> flags = new ArrayList<>(app.flags);
                    flags.add(Flag.SANCTIONS_POTENTIAL_MATCH);
                    app.flags = flags;
                }
            }
        }
        app.updatedAt = now;
        List<ScreeningService.Found> recorded = new ArrayList<>(newHits);
        finding.screened().hits().stream().filter(h -> h.subject() == SanctionsHit.Subject.WALLET).forEach(recorded::add);
        if (!recorded.isEmpty()) {
            screening.record(app.id, decision.policyVersion(),
                    new ScreeningService.Screened(finding.screened().lists(), finding.screened().threshold(), recorded), now);
        }
        LOG.infof("Application %s: %s by %s", app.id, outcome, run);
        return new Applied(outcome, entries);
    }

    /** Suspends the application's ACTIVE entries (and activations still on their way); returns how many. */
    private int suspend(Application app, String reason, String policyVersion, String run, Instant now) {
        int suspended = 0;
        for (ApplicationWallet wallet : app.wallets) {
            WhitelistEntry entry = WhitelistEntry.findById(wallet.addressKey, LockModeType.PESSIMISTIC_WRITE);
            boolean active = entry != null && entry.status == WhitelistStatus.ACTIVE && entry.applicationId.equals(app.id);
            List<OutboxEvent> pending = OutboxEvent.list("publishedAt is null and lower(address) = ?1 order by id", wallet.addressKey);
            if (!pending.isEmpty()) {
                active = pending.get(pending.size() - 1).type == ChangeType.WHITELIST_ACTIVATED;
            }
            if (!active) {
                continue;
            }
            Instant expiresAt = entry != null ? entry.expiresAt : pending.get(pending.size() - 1).expiresAt;
            OutboxEvent.of(ChangeType.WHITELIST_SUSPENDED, wallet.chain, wallet.address, app.id, expiresAt, reason, now).persist();
            audit.record(AuditTrail.SYSTEM, AuditAction.SUSPENDED, app.id, wallet.address, policyVersion, run + ": " + reason, now);
            suspended++;
        }
        return suspended;
    }

}
