package io.kycwhitelist.screening.service;

import io.kycwhitelist.common.config.KycConfig;
import io.kycwhitelist.screening.ListFiles;
import io.kycwhitelist.screening.ListFormatException;
import io.kycwhitelist.screening.NameMatcher;
import io.kycwhitelist.screening.SanctionsLists;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Holds the sanctions lists in force: read at start-up (a broken list stops the start) and
 * replaced as a whole by {@link #reload()}; a reload that fails leaves the lists in use in force.
 */
@Startup
@ApplicationScoped
public class SanctionsListsInForce {

    private static final Logger LOG = Logger.getLogger(SanctionsListsInForce.class);

    /** The lists, where they came from and when they were loaded. */
    public record Loaded(SanctionsLists lists, String origin, Instant loadedAt, Duration loadTime) {}

    private final KycConfig config;
    private volatile Loaded loaded;

    SanctionsListsInForce(KycConfig config) {
        this.config = config;
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
