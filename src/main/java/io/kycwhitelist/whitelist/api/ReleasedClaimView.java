package io.kycwhitelist.whitelist.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A wallet claim an administrator released: the application no longer holds the address, and never will again. */
@Schema(name = "ReleasedClaim")
public record ReleasedClaimView(String address, UUID applicationId, String releasedBy, String reason, Instant releasedAt) {}
