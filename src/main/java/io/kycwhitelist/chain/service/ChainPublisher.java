package io.kycwhitelist.chain.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.chain.ChainPublication;
import io.kycwhitelist.chain.ChainPublication.Status;
import io.kycwhitelist.chain.TokenContract;
import io.kycwhitelist.common.Retries;
import io.kycwhitelist.common.Ethereum;
import io.kycwhitelist.common.config.KycConfig;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.intake.Chain;
import io.kycwhitelist.whitelist.ChangeType;
import io.kycwhitelist.whitelist.WhitelistChange;
import io.kycwhitelist.whitelist.WhitelistSink;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Writes whitelist changes to the token contract's whitelist on an EVM chain. As a whitelist sink
 * it records one publication per change of an Ethereum address, in the transaction that publishes
 * the change (none lost, none written twice). A dispatcher, on one replica at a time (an advisory
 * lock), then
 * <ul>
 *   <li>sends them oldest first as transactions of the operator key, {@code max-in-flight} at most,
 *       with consecutive nonces (the node's pending count, or the next after the last one sent),
 *       so that the chain applies an address's changes in their order; a change the contract
 *       already holds is marked UNCHANGED without a transaction (idempotent against the chain);</li>
 *   <li>follows each sent transaction to {@code confirmations} blocks; a reverted one, or one whose
 *       nonce another transaction took, is sent again; one not mined after {@code resend-after} is
 *       replaced under its nonce at a higher gas price;</li>
 *   <li>retries failures (node down, gas price above the limit) with exponential backoff, holding
 *       back the later changes, and after {@code give-up-after} parks the change as DEAD (audited,
 *       the health check DOWN) until an admin replays it.</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class ChainPublisher implements WhitelistSink {

    private static final Logger LOG = Logger.getLogger(ChainPublisher.class);
    static final long LOCK = 0x6b7963_636861L;
    private static final long GWEI = 1_000_000_000L;
    /** A step calls the node a few times, each within kyc.chain.timeout; its transaction must outlast them. */
    private static final int TRANSACTION_TIMEOUT_SECONDS = 300;

    /** Counts of what is waiting, as of the dispatcher's last round. */
    public record Backlog(long pending, long sent, long dead, double oldestOpenSeconds, Instant at) {}

    private final KycConfig.Chain config;
    private final EntityManager em;
    private final AuditTrail audit;
    private final JsonRpc rpc;
    private final Credentials operator;
    private final String contract;
    private final long chainId;

    private volatile boolean stopping;
    private volatile boolean chainVerified;
    private volatile String problem;
    private String roundProblem;
    private volatile Backlog backlog = new Backlog(0, 0, 0, 0, null);

    ChainPublisher(KycConfig config, EntityManager em, AuditTrail audit, ObjectMapper json) {
        this.config = config.chain();
        this.em = em;
        this.audit = audit;
        if (!this.config.enabled()) {
            this.rpc = null;
            this.operator = null;
            this.contract = null;
            this.chainId = 0;
            return;
        }
        List<String> missing = new ArrayList<>();
        if (this.config.rpcUrl().isEmpty()) {
            missing.add("KYC_CHAIN_RPC_URL (kyc.chain.rpc-url)");
        }
        if (this.config.chainId().isEmpty()) {
            missing.add("KYC_CHAIN_CHAIN_ID (kyc.chain.chain-id)");
        }
        if (this.config.contractAddress().filter(Ethereum::isValidAddress).isEmpty()) {
            missing.add("KYC_CHAIN_CONTRACT_ADDRESS (kyc.chain.contract-address, an Ethereum address)");
        }
        if (this.config.operatorKey().filter(k -> k.matches("(0x)?[0-9a-fA-F]{64}")).isEmpty()) {
            missing.add("KYC_CHAIN_OPERATOR_KEY (kyc.chain.operator-key, 32 bytes in hex)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The token contract publication is enabled (kyc.chain.enabled) but lacks " + String.join(", ", missing));
        }
        this.rpc = new JsonRpc(this.config.rpcUrl().get(), this.config.timeout(), json);
        this.operator = Credentials.create(this.config.operatorKey().get());
        this.contract = Ethereum.checksummed(this.config.contractAddress().get());
        this.chainId = this.config.chainId().get();
        LOG.infof("Whitelist changes are published to token contract %s on chain %d by operator %s after %d confirmation(s)",
                contract, chainId, operatorAddress(), this.config.confirmations());
    }

    public boolean enabled() {
        return config.enabled();
    }

    public String contractAddress() {
        return contract;
    }

    public String operatorAddress() {
        return operator == null ? null : Ethereum.checksummed(operator.getAddress());
    }

    public long chainId() {
        return chainId;
    }

    public int confirmations() {
        return config.confirmations();
    }

    /** Why publication cannot go on now (wrong chain, not the contract's operator, the node down); null when it can. */
    public String problem() {
        return problem;
    }

    public Backlog backlog() {
        return backlog;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** In the publisher's transaction: one publication per change of an Ethereum address. */
    @Override
    public void publish(WhitelistChange change) {
        if (!config.enabled() || change.chain() != Chain.ETHEREUM || ChainPublication.count("eventId", change.eventId()) > 0) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ChainPublication p = new ChainPublication();
        p.eventId = change.eventId();
        p.sequence = change.sequence();
        p.changeType = change.type().name();
        p.address = change.address();
        p.applicationId = change.applicationId();
        p.targetStatus = (short) TokenContract.statusNumber(change.type().status());
        p.targetExpiresAt = change.type() == ChangeType.WHITELIST_ACTIVATED && change.expiresAt() != null ? change.expiresAt().getEpochSecond() : 0;
        p.status = Status.PENDING;
        p.retries = Retries.startingAt(now, config.giveUpAfter());
        p.createdAt = now;
        p.persist();
    }

    @Scheduled(every = "${kyc.chain.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (config.enabled() && !stopping) {
            dispatch();
        }
    }

    /** One round: follows what was sent, then sends what is due. Never throws. */
    public synchronized void dispatch() {
        roundProblem = null;
        try {
            QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).run(this::track);
            while (!stopping && QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).call(this::sendNext)) {
                // the next change
            }
        } catch (ChainException e) {
            roundProblem = e.getMessage();
        } catch (RuntimeException e) {
            LOG.warnf("Token contract publication round failed: %s", e.getMessage());
        }
        if (roundProblem != null) {
            chainVerified = false;
            if (!roundProblem.equals(problem)) {
                LOG.warnf("Token contract publication held up: %s", roundProblem);
            }
        }
        problem = roundProblem;
        sample();
    }

    private boolean locked() {
        return (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
    }

    /**
     * Follows every sent transaction: confirmed, reverted, lost, or stuck and replaced; and fills
     * a gap below the lowest nonce still sent. A node failure stops the round but keeps what it found.
     */
    private void track() {
        if (!locked()) {
            return;
        }
        List<ChainPublication> sent = ChainPublication.<ChainPublication>find("status = ?1 order by nonce", Status.SENT).page(0, 500).list();
        if (sent.isEmpty()) {
            return;
        }
        long head = rpc.blockNumber();
        long mined = rpc.transactionCount(operator.getAddress(), "latest");
        Instant now = Instant.now();
        try {
            for (ChainPublication p : sent) {
                follow(p, head, mined, now);
            }
            fillGap(sent);
        } catch (ChainException e) {
            roundProblem = e.getMessage();
        }
    }

    private void follow(ChainPublication p, long head, long mined, Instant now) {
        Optional<JsonRpc.Receipt> receipt = Optional.empty();
        for (String hash : p.hashes()) {
            receipt = rpc.receipt(hash);
            if (receipt.isPresent()) {
                break;
            }
        }
        if (receipt.isPresent()) {
            JsonRpc.Receipt r = receipt.get();
            p.txHash = r.transactionHash();
            p.blockNumber = r.blockNumber();
            if (!r.succeeded()) {
                String why = "transaction " + r.transactionHash() + " reverted in block " + r.blockNumber();
                LOG.warnf("Publication %s: %s", describe(p), why);
                unsent(p);
                failed(p, why, now);
            } else if (head - r.blockNumber() + 1 >= config.confirmations()) {
                p.status = Status.CONFIRMED;
                p.confirmedAt = now;
                p.retries.lastError = null;
                audit.record(AuditTrail.SYSTEM, AuditAction.PUBLISHED_ON_CHAIN, p.applicationId, p.address, null,
                        p.changeType + " event " + p.eventId + ": transaction " + r.transactionHash() + " in block " + r.blockNumber()
                                + " of chain " + chainId + ", contract " + contract, now);
                LOG.infof("Publication %s confirmed in block %d", describe(p), r.blockNumber());
            }
        } else if (p.nonce < mined) {
            // the nonce was taken by a transaction that is none of ours: look at the chain again, send again
            LOG.warnf("Publication %s: nonce %d was used by another transaction of the operator; it is sent again", describe(p), p.nonce);
            unsent(p);
            p.retries.lastError = "nonce " + p.nonce + " was used by another transaction of the operator";
            p.retries.nextAttemptAt = now;
        } else if (p.sentAt.plus(config.resendAfter()).isBefore(now)) {
            replace(p, now);
        }
    }

    /**
     * Nonces below the lowest one sent that the node holds no transaction for (one broadcast
     * just before a crash and then dropped, say) hold every later transaction back for good: each
     * is filled with an empty transfer of the operator to itself.
     */
    private void fillGap(List<ChainPublication> followed) {
        Optional<ChainPublication> lowest = followed.stream().filter(p -> p.status == Status.SENT).findFirst();
        if (lowest.isEmpty()) {
            return;
        }
        // a node behind the others may count less than what is confirmed already: never below that
        Long confirmed = em.createQuery("select max(p.nonce) from ChainPublication p where p.status = :confirmed", Long.class)
                .setParameter("confirmed", Status.CONFIRMED).getSingleResult();
        long known = Math.max(rpc.transactionCount(operator.getAddress(), "pending"), confirmed == null ? 0 : confirmed + 1);
        if (known >= lowest.get().nonce) {
            return;
        }
        long gasPrice = rpc.gasPrice().min(BigInteger.valueOf(config.maxGasPriceGwei() * GWEI)).longValue();
        gasPrice += gasPrice / 8 + 1;
        for (long nonce = known; nonce < lowest.get().nonce && nonce < known + config.maxInFlight(); nonce++) {
            RawTransaction empty = RawTransaction.createEtherTransaction(BigInteger.valueOf(nonce), BigInteger.valueOf(gasPrice),
                    BigInteger.valueOf(21_000), operator.getAddress(), BigInteger.ZERO);
            send(Numeric.toHexString(TransactionEncoder.signMessage(empty, chainId, operator)));
            LOG.warnf("Nonce %d of the operator has no transaction and held publication %d back: filled with an empty one", nonce,
                    lowest.get().id);
        }
    }

    /** Back to PENDING: the change is looked up on the chain and sent again under a new nonce. */
    private static void unsent(ChainPublication p) {
        p.status = Status.PENDING;
        p.nonce = null;
        p.txHashes = null;
        p.txHash = null;
        p.blockNumber = null;
    }

    /** Sends a transaction that was not mined again under the same nonce at a gas price 12.5 % higher (what nodes accept as a replacement). */
    private void replace(ChainPublication p, Instant now) {
        long gasPrice = p.gasPrice + p.gasPrice / 8 + 1;
        if (gasPrice > config.maxGasPriceGwei() * GWEI) {
            p.retries.lastError = "not mined since " + p.sentAt + "; a replacement would pay more than kyc.chain.max-gas-price-gwei";
            return;
        }
        p.addHash(send(sign(p.nonce, gasPrice, estimateGas(p), p)));
        p.gasPrice = gasPrice;
        p.sentAt = now;
        p.retries.attempts++;
        LOG.warnf("Publication %s not mined in %s: sent again under nonce %d at %d wei", describe(p), config.resendAfter(), p.nonce, gasPrice);
    }

    /** Sends the oldest pending change when it is due; true when the next may follow at once. */
    private boolean sendNext() {
        if (!locked()) {
            return false;
        }
        ChainPublication p = ChainPublication.<ChainPublication>find("status = ?1 order by sequence", Status.PENDING).firstResult();
        Instant now = Instant.now();
        if (p == null || !p.retries.due(now)) {
            return false;
        }
        if (ChainPublication.count("address = ?1 and sequence > ?2 and status <> ?3", p.address, p.sequence, Status.SUPERSEDED) > 0) {
            // a later change of the address (outbox events may commit out of order) carries its state: sending this one could undo it
            p.status = Status.SUPERSEDED;
            p.retries.lastError = null;
            LOG.infof("Publication %s superseded by a later change of the address", describe(p));
            return true;
        }
        if (ChainPublication.count("address = ?1 and status = ?2", p.address, Status.SENT) > 0) {
            return false; // the address's previous change is not mined yet: the chain's state of it is not known
        }
        if (ChainPublication.count("status", Status.SENT) >= config.maxInFlight()) {
            return false;
        }
        try {
            verifyChain();
            TokenContract.Entry onChain = TokenContract.decodeEntry(rpc.ethCall(contract, TokenContract.whitelistEntry(p.address)));
            if (onChain.equals(p.target())) {
                p.status = Status.UNCHANGED;
                p.confirmedAt = now;
                p.retries.lastError = null;
                audit.record(AuditTrail.SYSTEM, AuditAction.PUBLISHED_ON_CHAIN, p.applicationId, p.address, null,
                        p.changeType + " event " + p.eventId + ": contract " + contract + " of chain " + chainId + " held it already", now);
                return true;
            }
            long gasPrice = rpc.gasPrice().min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
            if (gasPrice > config.maxGasPriceGwei() * GWEI) {
                throw new ChainException("the gas price (" + gasPrice / GWEI + " gwei) is above kyc.chain.max-gas-price-gwei ("
                        + config.maxGasPriceGwei() + ")", null);
            }
            Long lastSent = em.createQuery("select max(p.nonce) from ChainPublication p where p.status = :sent", Long.class)
                    .setParameter("sent", Status.SENT).getSingleResult();
            long nonce = Math.max(rpc.transactionCount(operator.getAddress(), "pending"), lastSent == null ? 0 : lastSent + 1);
            String signed = sign(nonce, gasPrice, estimateGas(p), p);
            p.txHashes = null;
            p.addHash(send(signed));
            p.nonce = nonce;
            p.gasPrice = gasPrice;
            p.status = Status.SENT;
            p.sentAt = now;
            p.retries.attempts++;
            p.retries.lastError = null;
            return true;
        } catch (ChainException | IllegalArgumentException | ArithmeticException e) {
            // the node refused or failed, or answered what is not an answer of the contract
            failed(p, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), now);
            roundProblem = p.retries.lastError;
            return false;
        }
    }

    /** Once per start and after every failure: the node is on the configured chain, and the operator key is the contract's operator. */
    private void verifyChain() {
        if (chainVerified) {
            return;
        }
        long nodeChain = rpc.chainId();
        if (nodeChain != chainId) {
            throw new ChainException("the node at kyc.chain.rpc-url is on chain " + nodeChain + ", not kyc.chain.chain-id " + chainId, null);
        }
        String code = rpc.call("eth_getCode", contract, "latest").asText();
        if (code.equals("0x") || code.isEmpty()) {
            throw new ChainException("no contract at kyc.chain.contract-address " + contract + " on chain " + chainId, null);
        }
        String contractOperator = TokenContract.decodeAddress(rpc.ethCall(contract, TokenContract.whitelistOperator()));
        if (!contractOperator.equalsIgnoreCase(operator.getAddress())) {
            throw new ChainException("the contract's whitelist operator is " + contractOperator + ", not this service's key ("
                    + operatorAddress() + ")", null);
        }
        chainVerified = true;
    }

    private long estimateGas(ChainPublication p) {
        long estimate = rpc.estimateGas(operator.getAddress(), contract, TokenContract.setWhitelistStatus(p.address, p.target()));
        return estimate + estimate / 4;
    }

    private String sign(long nonce, long gasPrice, long gasLimit, ChainPublication p) {
        RawTransaction tx = RawTransaction.createTransaction(BigInteger.valueOf(nonce), BigInteger.valueOf(gasPrice), BigInteger.valueOf(gasLimit),
                contract, BigInteger.ZERO, TokenContract.setWhitelistStatus(p.address, p.target()));
        return Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, operator));
    }

    /** Broadcasts; a node that has the transaction already is as good as one that takes it. Returns the hash. */
    private String send(String signed) {
        String hash = Hash.sha3(signed);
        try {
            rpc.sendRawTransaction(signed);
        } catch (ChainException e) {
            String message = e.getMessage().toLowerCase(Locale.ROOT);
            if (!message.contains("already known") && !message.contains("already imported")) {
                throw e;
            }
        }
        return hash;
    }

    private void failed(ChainPublication p, String error, Instant now) {
        p.retries.attempts++;
        if (p.retries.failed(error, now, config.initialBackoff(), config.maxBackoff())) {
            p.status = Status.DEAD;
            audit.record(AuditTrail.SYSTEM, AuditAction.CHAIN_PUBLICATION_FAILED, p.applicationId, p.address, null,
                    p.changeType + " event " + p.eventId + " not written to contract " + contract + " after " + p.retries.attempts
                            + " attempt(s): " + p.retries.lastError, now);
            LOG.errorf("Publication %s parked as DEAD after %d attempts: %s; the token contract does not hold it", describe(p),
                    p.retries.attempts, p.retries.lastError);
        }
    }

    /** How a publication is named in the log: no address (the audit trail has it, for admins). */
    private static String describe(ChainPublication p) {
        return p.id + " (" + p.changeType + ", application " + p.applicationId + ")";
    }

    private void sample() {
        try {
            Object[] row = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    SELECT count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'SENT'),
                           count(*) FILTER (WHERE status = 'DEAD'),
                           coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status IN ('PENDING', 'SENT'))), 0)
                    FROM chain_publication WHERE status IN ('PENDING', 'SENT', 'DEAD')
                    """).getSingleResult());
            backlog = new Backlog(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    ((Number) row[3]).doubleValue(), Instant.now());
        } catch (RuntimeException e) {
            LOG.debugf("Token contract backlog not sampled: %s", e.getMessage());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChainPublication> publications(Status status, String address, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            params.add(status);
            query.append(" and status = ?").append(params.size());
        }
        if (address != null) {
            params.add(address.toLowerCase(Locale.ROOT));
            query.append(" and lower(address) = ?").append(params.size());
        }
        return ChainPublication.<ChainPublication>find(query + " order by id", params.toArray()).page(0, limit).list();
    }

    /** Sends a DEAD publication again, with a fresh retry window; audited. */
    @Transactional
    public ChainPublication replay(long id, String admin) {
        ChainPublication p = ChainPublication.findById(id);
        if (p == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No chain publication with this id.");
        }
        if (p.status != Status.DEAD) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "This publication is " + p.status + "; only DEAD ones are replayed.");
        }
        if (ChainPublication.count("address = ?1 and sequence > ?2", p.address, p.sequence) > 0) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "A later change of this address exists: it carries the "
                    + "address's state, and sending this one could undo it. Replay the latest publication of the address instead.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        p.status = Status.PENDING;
        p.retries.restart(now, config.giveUpAfter());
        audit.record(admin, AuditAction.CHAIN_PUBLICATION_REPLAYED, p.applicationId, p.address, null,
                p.changeType + " event " + p.eventId + " sent to the token contract again", now);
        return p;
    }
}
