package io.kycwhitelist.ownership;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.Ethereum;
import io.kycwhitelist.common.config.KycConfig;
import io.kycwhitelist.common.problem.Problem.FieldError;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationWallet;
import io.kycwhitelist.intake.service.ApplicationAccess;
import io.kycwhitelist.intake.service.Readiness;
import io.kycwhitelist.intake.service.WalletClaims;
import io.kycwhitelist.ownership.api.ChallengeAnswer;
import io.kycwhitelist.ownership.api.ProofAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Proof that the applicant controls each wallet: a one-time challenge per wallet, signed with the
 * wallet's key ({@code personal_sign}); the service recovers the signer and accepts only the
 * wallet's own address.
 */
@ApplicationScoped
public class OwnershipService {

    private static final Logger LOG = Logger.getLogger(OwnershipService.class);
    private static final String NONCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final ApplicationAccess access;
    private final WalletClaims claims;
    private final Readiness readiness;
    private final AuditTrail audit;
    private final KycConfig.WalletProof settings;
    private final SecureRandom random = new SecureRandom();

    OwnershipService(ApplicationAccess access, WalletClaims claims, Readiness readiness, AuditTrail audit, KycConfig config) {
        this.access = access;
        this.claims = claims;
        this.readiness = readiness;
        this.audit = audit;
        this.settings = config.walletProof();
    }

    /** Issues a new challenge for a wallet of the application; earlier ones of the wallet no longer count. */
    @Transactional
    public ChallengeAnswer challenge(UUID id, String statusToken, String address) {
        Application app = access.authorized(id, statusToken, true);
        ApplicationWallet wallet = walletOf(app, address);
        refuseTaken(wallet);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(settings.challengeTtl());
        String nonce = nonce();
        SignInMessage message = new SignInMessage(settings.domain(), settings.uri(), wallet.address, settings.tokenName(), app.id, nonce, now, expires);
        WalletChallenge challenge = new WalletChallenge();
        challenge.applicationId = app.id;
        challenge.addressKey = wallet.addressKey;
        challenge.nonce = nonce;
        challenge.message = message.text();
        challenge.issuedAt = now;
        challenge.expiresAt = expires;
        challenge.persist();
        return new ChallengeAnswer(challenge.message, nonce, expires);
    }

    /**
     * Checks the signature of the wallet's newest challenge and records the proof: the application
     * now holds the wallet, unless another one proved control of it first.
     */
    @Transactional
    public ProofAnswer prove(UUID id, String statusToken, String address, String signatureHex) {
        Application app = access.authorized(id, statusToken, true);
        ApplicationWallet wallet = walletOf(app, address);
        refuseTaken(wallet);
        Signatures.Signature signature = Signatures.parse(signatureHex).orElseThrow(() -> ProblemException.validation(List.of(
                new FieldError("signature", "must be 0x and 65 bytes in hex (r, s, v), with v 27, 28, 0 or 1"))));
        WalletChallenge challenge = WalletChallenge.newest(app.id, wallet.addressKey);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (challenge == null) {
            throw new ProblemException(ProblemType.CHALLENGE_NOT_ISSUED, "Ask for a challenge for this wallet first, then sign its message.");
        }
        if (challenge.usedAt != null) {
            throw new ProblemException(ProblemType.CHALLENGE_USED, "This challenge was used already; ask for a new one.");
        }
        if (!now.isBefore(challenge.expiresAt)) {
            throw new ProblemException(ProblemType.CHALLENGE_EXPIRED, "This challenge expired at " + challenge.expiresAt + "; ask for a new one.");
        }
        String signer = Signatures.signer(challenge.message, signature).orElse(null);
        if (!wallet.addressKey.equals(signer)) {
            throw new ProblemException(ProblemType.SIGNATURE_MISMATCH,
                    "The signature was not made by " + wallet.address + " over the challenge's message. Sign the message exactly as given, with this wallet.");
        }
        if (!claims.claim(wallet)) {
            throw taken();
        }
        challenge.usedAt = now;
        wallet.provenAt = now;
        wallet.proofMessage = challenge.message;
        wallet.proofSignature = signatureHex.toLowerCase(Locale.ROOT);
        audit.record(AuditTrail.APPLICANT, AuditAction.WALLET_PROVEN, app.id, wallet.address, app.policyVersion, "nonce " + challenge.nonce, now);
        readiness.advanceIfComplete(app, now);
        app.updatedAt = now;
        LOG.infof("Application %s: control of a wallet proven, now %s", app.id, app.status);
        return new ProofAnswer(wallet.address, true, now);
    }

    private void refuseTaken(ApplicationWallet wallet) {
        if (wallet.released()) {
            throw new ProblemException(ProblemType.WALLET_RELEASED,
                    "This wallet was removed from the application: it is not whitelisted with it. Your other wallets are not affected; contact support.");
        }
        if (!wallet.claimed && claims.heldElsewhere(wallet)) {
            throw taken();
        }
    }

    private static ProblemException taken() {
        return new ProblemException(ProblemType.WALLET_ALREADY_CLAIMED, "Another application proved control of this address first: it cannot "
                + "be whitelisted with this application. Your other wallets are not affected; if the address is yours, contact support.");
    }

    private static ApplicationWallet walletOf(Application app, String address) {
        RequestValidator.failIfAny(Ethereum.addressErrors(address, "address"));
        if (app.status.closed()) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                    "This application is " + app.status.name().toLowerCase(Locale.ROOT) + "; its wallets need no proof.");
        }
        String key = Ethereum.normalized(address).toLowerCase(Locale.ROOT);
        return app.wallets.stream().filter(w -> w.addressKey.equals(key)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "This application names no such wallet."));
    }

    private String nonce() {
        StringBuilder nonce = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            nonce.append(NONCE_ALPHABET.charAt(random.nextInt(NONCE_ALPHABET.length())));
        }
        return nonce.toString();
    }
}
