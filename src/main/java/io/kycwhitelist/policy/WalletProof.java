package io.kycwhitelist.policy;

/** Whether applicants must prove control of their wallets before review. */
public enum WalletProof {
    /** An application reaches review only with every wallet proven. */
    REQUIRED,
    /** Unproven wallets go to review flagged WALLET_NOT_PROVEN. */
    OPTIONAL
}
