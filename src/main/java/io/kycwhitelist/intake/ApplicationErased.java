package io.kycwhitelist.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (synchronously, in the erasing transaction) when an application's personal data is
 * erased, so that the features that keep more of it (renewals) close what they hold.
 */
public record ApplicationErased(UUID applicationId, String actor, Instant at) {}
