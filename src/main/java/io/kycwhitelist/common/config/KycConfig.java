package io.kycwhitelist.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The service's own settings ({@code kyc.*}); see README "Configuration". */
@ConfigMapping(prefix = "kyc")
public interface KycConfig {

    Policy policy();

    Applications applications();

    StatusToken statusToken();

    LocalDatabase localDatabase();

    Whitelist whitelist();

    WalletProof walletProof();

    Sanctions sanctions();

    Outbox outbox();

    RateLimit rateLimit();

    Encryption encryption();

    Retention retention();

    Webhooks webhooks();

    Chain chain();

    /**
     * The token contract's whitelist on an EVM chain (README "The token contract"). Off unless
     * enabled; when enabled, the node, chain id, contract and operator key are required.
     */
    interface Chain {
        @WithDefault("false")
        boolean enabled();

        /** The node's JSON-RPC endpoint (KYC_CHAIN_RPC_URL). */
        Optional<URI> rpcUrl();

        /** The chain the contract is on (EIP-155 id; 1 for Ethereum main net); the node must say the same. */
        Optional<Long> chainId();

        /** The KycWhitelistToken contract's address (KYC_CHAIN_CONTRACT_ADDRESS). */
        Optional<String> contractAddress();

        /** The private key (hex) of the contract's whitelist operator (KYC_CHAIN_OPERATOR_KEY, from a secret). */
        Optional<String> operatorKey();

        /** How often the dispatcher sends and follows transactions (one replica at a time; read by the scheduler). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Blocks on top of a transaction's, itself included, before its change counts as on chain. */
        @WithDefault("12")
        @Min(1)
        int confirmations();

        /** Transactions sent and not yet confirmed at most (nonces in a row). */
        @WithDefault("16")
        @Min(1)
        int maxInFlight();

        /** A transaction not mined after this is sent again under its nonce at a 12.5 % higher gas price. */
        @WithDefault("3m")
        Duration resendAfter();

        /** The highest gas price the operator pays, in gwei: above it, publication waits. */
        @WithDefault("300")
        long maxGasPriceGwei();

        @WithDefault("5s")
        Duration initialBackoff();

        @WithDefault("10m")
        Duration maxBackoff();

        /** How long a change is retried before it is parked as DEAD (the health check turns DOWN). */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** A change not on chain after this turns the health check DOWN. */
        @WithDefault("30m")
        Duration maxAge();

        /** How long one call of the node may take. */
        @WithDefault("10s")
        Duration timeout();
    }

    /** Deliveries of whitelist changes to exchanges' endpoints. */
    interface Webhooks {
        /** Whether http:// endpoints may be registered (development and tests only; production takes https only). */
        @WithDefault("false")
        boolean allowHttp();

        /** The wait before the first retry; it doubles with each retry. */
        @WithDefault("5s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** How long a delivery is retried before it is parked as DEAD. */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** How long one attempt may take. */
        @WithDefault("5s")
        Duration timeout();

        /**
         * Endpoints on internal addresses (loopback, link-local, private, unique-local) are refused
         * unless listed here: host names, IP addresses or CIDR blocks (an exchange reached over a
         * private link). None by default.
         */
        Optional<List<String>> allowedPrivateHosts();
    }

    /** Applications (and renewals) waiting for their applicant. */
    interface Applications {
        /**
         * How long an application (or a renewal) waiting for its applicant's documents or wallet
         * proofs stays open; then it expires, releasing what it held.
         */
        @WithDefault("P30D")
        Duration openFor();

        /** How often the expiry job looks for them (one replica at a time; read by the scheduler). */
        @WithDefault("1h")
        Duration expiryInterval();
    }

    interface Retention {
        /**
         * How long personal data is kept after the relationship ends: after a rejection, or after
         * the last whitelist entry of an approved application stopped being ACTIVE.
         */
        @WithDefault("P1825D")
        Duration period();

        /** How often the retention job looks for applications past the period (one replica at a time). */
        @WithDefault("6h")
        Duration interval();
    }

    /**
     * Keys of the personal data at rest (AES-256-GCM): ID document numbers, dates of birth and
     * documents. Required in production (KYC_ENCRYPTION_KEYS, KYC_ENCRYPTION_ACTIVE_KEY).
     */
    interface Encryption {
        /** {@code id:base64,id:base64}: every key that may have sealed stored data, each 32 bytes. */
        String keys();

        /** The key that seals from now on; rotate by adding a key, making it active, and re-sealing. */
        String activeKey();

        /**
         * Whether values sealed before they were bound to their rows (by a version before this one)
         * still open. Turn it off once a re-seal reports none left: from then on a value copied from
         * an old backup into another row opens nowhere.
         */
        @WithDefault("true")
        boolean acceptUnbound();

        /** How often each instance seals again what an older key or the unbound format sealed (read by the scheduler). */
        @WithDefault("6h")
        Duration resealInterval();
    }

    /** Limits of the public endpoints per client address, counted in windows, per instance. */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /**
         * The proxies (IP addresses or CIDR blocks) whose X-Forwarded-For is believed, such as the
         * ingress controller's pods; none by default: the connection's address is the client's.
         */
        Optional<List<String>> trustedProxies();

        @WithDefault("10m")
        Duration window();

        /** Submissions a client address may make in a window. */
        @WithDefault("20")
        int applications();

        /** Document uploads in a window. */
        @WithDefault("60")
        int uploads();

        /** Calls with a status token (status, uploads, wallet challenges and proofs) in a window. */
        @WithDefault("300")
        int statusCalls();

        /** Calls answered 404 (unknown application or wrong token) after which status-token calls are refused for the window. */
        @WithDefault("10")
        int wrongStatusTokens();
    }

    Backlog backlog();

    interface Outbox {
        /** How often each instance publishes what decisions left unpublished (read by the scheduler). */
        @WithDefault("1s")
        Duration pollInterval();

        /** An unpublished change older than this turns the outbox health check DOWN. */
        @WithDefault("5m")
        Duration maxAge();
    }

    interface Backlog {
        /** How often the review queue and the outbox are sampled for the gauges (read by the scheduler). */
        @WithDefault("10s")
        Duration sampleInterval();
    }

    /** Sanctions screening: the lists and the score from which a name match goes to a reviewer. */
    interface Sanctions {
        /**
         * A directory laid out as the lists are published (ofac-sdn/, un-consolidated/,
         * ofac-digital-currency-addresses/); without it, the copies shipped in the application.
         */
        Optional<Path> path();

        /**
         * Name matches scoring at least this (0.5..1) flag the application for review; default:
         * the threshold chosen on the evaluation set (README "Sanctions screening").
         */
        Optional<@DecimalMin("0.5") @DecimalMax("1.0") Double> threshold();

        /** How often each instance checks whether another one reloaded the lists (read by the scheduler). */
        @WithDefault("10s")
        Duration syncInterval();
    }

    /** The challenge applicants sign to prove control of a wallet (EIP-4361 style). */
    interface WalletProof {
        /** Who asks for the signature: the service's public host name. */
        @WithDefault("kyc-whitelist.local")
        String domain();

        @WithDefault("https://kyc-whitelist.local")
        String uri();

        /** The token's name, as the message names it. */
        @WithDefault("the token")
        String tokenName();

        @WithDefault("15m")
        Duration challengeTtl();
    }

    interface Whitelist {
        /** How often each instance reads whitelist changes: the bound on a replica's staleness. */
        @WithDefault("250ms")
        Duration refreshInterval();
    }

    interface Policy {
        /** A policy data file that replaces the one shipped in the application. */
        Optional<Path> path();
    }

    /**
     * The embedded PostgreSQL of development runs. It is started before Quarkus reads its
     * configuration, so these are read as system properties (see {@link io.kycwhitelist.common.config.LocalDatabase}).
     */
    interface LocalDatabase {
        /** Start it when no external database is configured; the build sets it for quarkus:dev. */
        @WithDefault("false")
        boolean enabled();

        /** Where its data lives across restarts. */
        @WithDefault(".local-db")
        String directory();
    }

    interface StatusToken {
        /**
         * Secret from which the status token of an idempotent submission is derived again when it is
         * replayed; at least 32 characters. Required in production (KYC_STATUS_TOKEN_SECRET).
         */
        @Size(min = 32)
        String secret();
    }
}
