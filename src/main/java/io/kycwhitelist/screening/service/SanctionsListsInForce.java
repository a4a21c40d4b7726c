package io.kycwhitelist.screening.service;

import io.kycwhitelist.common.ReloadGeneration;
import io.kycwhitelist.common.config.KycConfig;
import io.kycwhitelist.screening.ListFiles;
import io.kycwhitelist.screening.ListFormatException;
import io.kycwhitelist.screening.NameMatcher;
import io.kycwhitelist.screening.SanctionsLists;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Holds the sanctions lists in force: read at start-up (a broken list stops the start) and
 * replaced as a whole by {@link #reload()}; a reload that fails leaves the lists in use in force.
 * A reload on one instance raises a generation number in the database; every instance compares
 * it with its own every {@code kyc.sanctions.sync-interval} and reloads when it is behind, so all
 * replicas screen against the same lists within that bound.
 */
@Startup
@ApplicationScoped
public class SanctionsListsInForce {

    private static final Logger LOG = Logger.getLogger(SanctionsListsInForce.class);

    /** The lists, where they came from and when they were loaded. */
    public record Loaded(SanctionsLists lists, String origin, Instant loadedAt, Duration loadTime) {}

    private final KycConfig config;
    private final ReloadGeneration generation;
    private volatile Loaded loaded;

    SanctionsListsInForce(KycConfig config, AgroalDataSource dataSource) {
        this.config = config;
        this.generation = new ReloadGeneration("sanctions-lists", dataSource);
    }

    @PostConstruct
    void load() {
        loaded = read();
    }

    public SanctionsLists current() {
        return loaded.lists();
    }

    public Loaded loaded() {
        return loaded;
    }

    public double threshold() {
        return config.sanctions().threshold().orElse(NameMatcher.DEFAULT_THRESHOLD);
    }

    /**
     * Reads the lists again from where they came from.
     *
     * @throws ListFormatException when a file is missing or malformed: the lists in use stay in force
     */
    public synchronized Loaded reload() {
        Loaded fresh = read();
        loaded = fresh;
        return fresh;
    }

    /**
     * Reloads here and tells the other instances to follow.
     *
     * @throws ListFormatException when a file is missing or malformed: nothing changes anywhere
     */
    public synchronized Loaded reloadEverywhere(String actor) throws SQLException {
        Loaded fresh = reload();
        generation.raise(actor);
        return fresh;
    }

    /** Follows reloads made on other instances. */
    @Scheduled(every = "${kyc.sanctions.sync-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void follow() {
        generation.follow(this::reload);
    }

    private Loaded read() {
        long start = System.nanoTime();
        ListFiles.Contents files = config.sanctions().path()
                .map(ListFiles::fromDirectory)
                .orElseGet(() -> ListFiles.bundled(Thread.currentThread().getContextClassLoader()));
        SanctionsLists lists = SanctionsLists.load(files.content(), files.asOf());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String origin = config.sanctions().path().map(p -> p.toAbsolutePath().toString()).orElse("shipped with the application");
        lists.sources().forEach(s -> LOG.infof("Sanctions list %s in force: as of %s, %d entries, %d addresses, sha256 %s",
                s.list(), s.asOf(), s.entries(), s.addresses(), s.sha256()));
        LOG.infof("Sanctions lists loaded from %s in %d ms", origin, took.toMillis());
        return new Loaded(lists, origin, Instant.now(), took);
    }
}
