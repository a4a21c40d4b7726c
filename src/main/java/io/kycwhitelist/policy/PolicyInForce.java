package io.kycwhitelist.policy;

import io.kycwhitelist.common.config.KycConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** Holds the policy in force, read at start-up; a broken policy file stops the start. */
@Startup
@ApplicationScoped
public class PolicyInForce {

    static final String SHIPPED = "policy/jurisdictions.yaml";
    private static final Logger LOG = Logger.getLogger(PolicyInForce.class);

    private final KycConfig config;
    private volatile JurisdictionPolicy policy;

    PolicyInForce(KycConfig config) {
        this.config = config;
    }

    @PostConstruct
    void load() {
        policy = config.policy().path().map(PolicyInForce::fromFile).orElseGet(PolicyInForce::shipped);
        LOG.infof("Jurisdiction policy %s in force (effective %s, %d countries, %d regions, sha256 %s)",
                policy.version(), policy.effectiveDate(), policy.countries().size(), policy.subdivisions().size(), policy.sha256());
    }

    public JurisdictionPolicy current() {
        return policy;
    }

    private static JurisdictionPolicy fromFile(Path path) {
        try {
            return PolicyLoader.load(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the policy file " + path + " (kyc.policy.path)", e);
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
