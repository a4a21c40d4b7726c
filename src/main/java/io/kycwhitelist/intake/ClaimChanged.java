package io.kycwhitelist.intake;

/**
 * An application took or gave up its claim on an address (fired in that transaction): the other
 * applications waiting for their applicants that name the address may now be complete, once it
 * is committed.
 */
public record ClaimChanged(String addressKey) {}
