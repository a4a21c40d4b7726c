package io.kycwhitelist.intake;

/** Chains whose wallets can be whitelisted. */
public enum Chain {
    ETHEREUM
}
