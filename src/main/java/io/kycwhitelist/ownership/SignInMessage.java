package io.kycwhitelist.ownership;

import java.time.Instant;
import java.util.UUID;

/**
 * The text an applicant signs to prove control of a wallet, in the form of EIP-4361 ("Sign-In
 * with Ethereum"): who asks, which address, what the signature means, and a one-time nonce with
 * its validity.
 */
public record SignInMessage(
        String domain, String uri, String address, String tokenName, UUID applicationId, String nonce, Instant issuedAt, Instant expiresAt) {

    /** Ethereum mainnet: the token's chain. */
    static final int CHAIN_ID = 1;

    public String text() {
        return domain + " wants you to sign in with your Ethereum account:\n"
                + address + "\n"
                + "\n"
                + "I apply to have this address whitelisted to hold " + tokenName + ", and I confirm that I control it. "
                + "Application " + applicationId + ".\n"
                + "\n"
                + "URI: " + uri + "\n"
                + "Version: 1\n"
                + "Chain ID: " + CHAIN_ID + "\n"
                + "Nonce: " + nonce + "\n"
                + "Issued At: " + issuedAt + "\n"
                + "Expiration Time: " + expiresAt + "\n"
                + "Request ID: " + applicationId;
    }
}
