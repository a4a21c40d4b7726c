package io.kycwhitelist.policy;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.common.ReloadGeneration;
import io.kycwhitelist.common.config.KycConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Holds the policy in force: read at start-up (a broken policy file stops the start) and
 * replaced by {@link #reloadEverywhere}; a reload that fails leaves the policy in use in force.
 * Every instance follows a reload made on another within {@code kyc.sanctions.sync-interval}.
 */
@Startup
@ApplicationScoped
public class PolicyInForce {

    static final String SHIPPED = "policy/jurisdictions.yaml";
    private static final Logger LOG = Logger.getLogger(PolicyInForce.class);

    /** The policy, where it came from and when it was read. */
    public record Loaded(JurisdictionPolicy policy, String origin, Instant loadedAt) {}

    private final KycConfig config;
    private final ReloadGeneration generation;
    private volatile Loaded loaded;

    PolicyInForce(KycConfig config, AgroalDataSource dataSource) {
        this.config = config;
        this.generation = new ReloadGeneration("policy", dataSource);
    }

    @PostConstruct
    void load() {
        reload();
    }

    public JurisdictionPolicy current() {
        return loaded.policy();
    }

    public Loaded loaded() {
        return loaded;
    }

    /**
     * Reads the policy file again.
     *
     * @throws PolicyLoader.InvalidPolicyException when it is malformed: the policy in use stays in force
     */
    public synchronized Loaded reload() {
        JurisdictionPolicy policy = config.policy().path().map(PolicyInForce::fromFile).orElseGet(PolicyInForce::shipped);
        loaded = new Loaded(policy, config.policy().path().map(p -> p.toAbsolutePath().toString()).orElse("shipped with the application"),
                Instant.now());
        LOG.infof("Jurisdiction policy %s in force (effective %s, %d countries, %d regions, sha256 %s)",
                policy.version(), policy.effectiveDate(), policy.countries().size(), policy.subdivisions().size(), policy.sha256());
        return loaded;
    }

    /**
     * Reloads here and tells the other instances to follow.
     *
     * @throws PolicyLoader.InvalidPolicyException when the file is malformed: nothing changes anywhere
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

    private static JurisdictionPolicy fromFile(Path path) {
        try {
            return PolicyLoader.load(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new PolicyLoader.InvalidPolicyException("Cannot read the policy file " + path + " (kyc.policy.path): " + e.getMessage(), e);
        }
    }

    private static JurisdictionPolicy shipped() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("The shipped policy " + SHIPPED + " is missing from the application");
            }
            return PolicyLoader.load(in.readAllBytes(), SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
