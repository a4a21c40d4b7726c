package io.kycwhitelist.whitelist;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready to answer exchanges until the whitelist replica has been read. */
@Readiness
@ApplicationScoped
public class WhitelistReadiness implements HealthCheck {

    private final WhitelistReplica replica;

    WhitelistReadiness(WhitelistReplica replica) {
        this.replica = replica;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("whitelist replica").status(replica.loaded()).withData("addresses", replica.size()).build();
    }
}
