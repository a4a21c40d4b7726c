package io.kycwhitelist.rescreening.api;

import io.kycwhitelist.policy.PolicyInForce;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The jurisdiction policy in force on the instance that answers. */
@Schema(name = "PolicyInForce")
public record PolicyView(
        String version,
        LocalDate effectiveDate,
        @Schema(description = "SHA-256 of the policy file.") String sha256,
        @Schema(description = "The file it was read from (kyc.policy.path), or that it is the one shipped with the service.") String origin,
        Instant loadedAt,
        @Schema(description = "Restricted countries.") int countries,
        @Schema(description = "Restricted regions (ISO 3166-2).") int regions) {

    public static PolicyView of(PolicyInForce.Loaded loaded) {
        var p = loaded.policy();
        return new PolicyView(p.version(), p.effectiveDate(), p.sha256(), loaded.origin(), loaded.loadedAt(), p.countries().size(),
                p.subdivisions().size());
    }
}
