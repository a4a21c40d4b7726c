package io.kycwhitelist.chain;

import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static io.kycwhitelist.support.Reviews.approve;
import static io.kycwhitelist.support.Reviews.pendingReview;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycwhitelist.support.Management;
import io.kycwhitelist.chain.service.ChainException;
import io.kycwhitelist.exchange.RestrictionCode;
import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.DevChain;
import io.kycwhitelist.support.Eventually;
import io.kycwhitelist.support.Tokens;
import io.kycwhitelist.whitelist.WhitelistStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The token contract on a local development chain (ganache) follows the whitelist: an approved
 * wallet can receive and send the token, a transfer to a wallet that is not whitelisted reverts
 * with the service's own message, a revoked one is refused; publication survives a failing node,
 * keeps its nonces in order, is idempotent against what the contract holds, and parks what keeps
 * failing for an admin to replay.
 */
@QuarkusTest
@TestProfile(ChainPublicationTest.OnDevChain.class)
@DisabledIf("skipped")
class ChainPublicationTest {

    public static class OnDevChain implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DevChain.class));
        }
    }

    /** Skipped only outside CI when Node.js is missing; in CI a missing tool fails the test. */
    static boolean skipped() {
        boolean skip = DevChain.unavailable().isPresent() && !"true".equals(System.getenv("CI"));
        if (skip) {
            org.jboss.logging.Logger.getLogger(ChainPublicationTest.class).warn(DevChain.unavailable().get());
        }
        return skip;
    }

    @Inject
    EntityManager em;

    @AfterEach
    void nodeBack() {
        DevChain.NODE_DOWN.set(false);
        DevChain.FAIL_NEXT.set(0);
    }

    static final TypeReference<Uint8> UINT8 = new TypeReference<>() {};
    static final TypeReference<Uint256> UINT256 = new TypeReference<>() {};

    static int onChainStatus(String address) {
        return DevChain.uint(DevChain.ISSUER.getAddress(), new Function("whitelistStatus", List.of(new Address(address)), List.of(UINT8))).intValue();
    }

    static BigInteger balance(String address) {
        return DevChain.uint(DevChain.ISSUER.getAddress(), new Function("balanceOf", List.of(new Address(address)), List.of(UINT256)));
    }

    static int restriction(String from, String to) {
        return DevChain.uint(from, new Function("detectTransferRestriction", List.of(new Address(from), new Address(to), new Uint256(1)),
                List.of(UINT8))).intValue();
    }

    static String transfer(String to, long amount) {
        return FunctionEncoder.encode(new Function("transfer", List.of(new Address(to), new Uint256(amount)), List.of(new TypeReference<Bool>() {})));
    }

    /** A transfer signed by the holder's own key; true when it was mined and succeeded. */
    static boolean transferSigned(String from, String to, long amount) {
        Credentials holder = Credentials.create(Applications.keyOf(from));
        long nonce = DevChain.rpc().transactionCount(from, "pending");
        RawTransaction tx = RawTransaction.createTransaction(BigInteger.valueOf(nonce), DevChain.rpc().gasPrice(), BigInteger.valueOf(200_000),
                DevChain.contract(), BigInteger.ZERO, transfer(to, amount));
        String hash = DevChain.rpc().sendRawTransaction(Numeric.toHexString(TransactionEncoder.signMessage(tx, DevChain.CHAIN_ID, holder)));
        return DevChain.awaitReceipt(hash).path("status").asText().equals("0x1");
    }

    /** What the contract answers when the holder's transfer is tried: its revert reason. */
    static String refusal(String from, String to) {
        ChainException e = assertThrows(ChainException.class, () -> DevChain.call(from, transfer(to, 1)), "the transfer went through");
        return DevChain.revertReason(e);
    }

    static void await(String what, BooleanSupplier condition) {
        Eventually.until(what, Duration.ofSeconds(30), condition);
    }

    static JsonPath publications(String address) {
        return given().auth().oauth2(Tokens.admin()).queryParam("address", address).when().get("/api/v1/admin/chain/publications")
                .then().statusCode(200).extract().jsonPath();
    }

    static String lastStatus(String address) {
        List<String> statuses = publications(address).getList("status", String.class);
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    /** An application approved with one fresh wallet; returns the wallet. */
    static String approvedWallet() {
        Map<String, Object> body = individual();
        approve(pendingReview(body), Tokens.reviewer()).statusCode(200);
        return walletAddress(body, 0);
    }

    static void revoke(String address) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "chain test"))
                .when().post("/api/v1/admin/whitelist/" + address + "/revoke").then().statusCode(200);
    }

    @Test
    void theContractAnswersWithTheServicesCodeTable() {
        for (RestrictionCode code : RestrictionCode.values()) {
            assertEquals(code.message(), DevChain.string(new Function("messageForTransferRestriction", List.of(new Uint8(code.code())),
                    List.of(new TypeReference<Utf8String>() {}))), "code " + code.code());
        }
        assertEquals("Unknown restriction code", DevChain.string(new Function("messageForTransferRestriction",
                List.of(new Uint8(RestrictionCode.values().length)), List.of(new TypeReference<Utf8String>() {}))));
        for (WhitelistStatus status : WhitelistStatus.values()) {
            String constant = status.name();
            assertEquals(TokenContract.statusNumber(status), DevChain.uint(DevChain.ISSUER.getAddress(),
                    new Function(constant, List.of(), List.of(UINT8))).intValue(), constant);
        }
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/chain").then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("chainId", equalTo((int) DevChain.CHAIN_ID))
                .body("contractAddress", equalTo(org.web3j.crypto.Keys.toChecksumAddress(DevChain.contract())))
                .body("operatorAddress", equalTo(org.web3j.crypto.Keys.toChecksumAddress(DevChain.OPERATOR.getAddress())));
    }

    @Test
    void anApprovedWalletHoldsAndSendsTheTokenAndARevokedOneIsRefused() {
        String holder = approvedWallet();
        await("the approved wallet is whitelisted on chain", () -> onChainStatus(holder) == 1);
        await("its publication is confirmed", () -> "CONFIRMED".equals(lastStatus(holder)));
        JsonPath published = publications(holder);
        assertTrue(published.getString("[0].transactionHash").startsWith("0x"));
        assertTrue(published.getLong("[0].blockNumber") > 0);
        assertTrue(published.getLong("[0].targetExpiresAt") > System.currentTimeMillis() / 1000, "the document's expiry is on chain");
        assertEquals(RestrictionCode.SUCCESS.code(), restriction(holder, holder));

        DevChain.awaitReceipt(DevChain.sendFrom(DevChain.ISSUER.getAddress(), DevChain.contract(), FunctionEncoder.encode(
                new Function("mint", List.of(new Address(holder), new Uint256(100)), List.of()))));
        assertEquals(BigInteger.valueOf(100), balance(holder));
        DevChain.fund(holder);

        String stranger = Applications.freshAddress();
        assertEquals(RestrictionCode.RECIPIENT_NOT_WHITELISTED.code(), restriction(holder, stranger));
        assertEquals(RestrictionCode.RECIPIENT_NOT_WHITELISTED.message(), refusal(holder, stranger));
        assertTrue(!transferSigned(holder, stranger, 10), "a transfer to a wallet that is not whitelisted reverts");
        assertEquals(BigInteger.ZERO, balance(stranger));

        String buyer = approvedWallet();
        await("the second wallet is whitelisted on chain", () -> onChainStatus(buyer) == 1);
        assertTrue(transferSigned(holder, buyer, 10), "a transfer between whitelisted wallets goes through");
        assertEquals(BigInteger.valueOf(10), balance(buyer));

        revoke(buyer);
        await("the revocation is on chain", () -> onChainStatus(buyer) == 2);
        assertEquals(RestrictionCode.RECIPIENT_REVOKED.code(), restriction(holder, buyer));
        assertEquals(RestrictionCode.RECIPIENT_REVOKED.message(), refusal(holder, buyer));
        assertTrue(!transferSigned(holder, buyer, 10), "a transfer to a revoked wallet reverts");
        assertEquals(RestrictionCode.SENDER_REVOKED.message(), refusal(buyer, holder));
        assertEquals(BigInteger.valueOf(10), balance(buyer));
        await("the revocation's publication is confirmed", () -> "CONFIRMED".equals(lastStatus(buyer)));
        assertEquals(List.of("WHITELIST_ACTIVATED", "WHITELIST_REVOKED"), publications(buyer).getList("changeType", String.class));

        given().auth().oauth2(Tokens.admin()).queryParam("address", buyer).queryParam("action", "PUBLISHED_ON_CHAIN").when().get("/api/v1/admin/audit")
                .then().statusCode(200).body("detail", hasItem(containsString("WHITELIST_REVOKED event")));
    }

    @Test
    void aChangeTheContractHoldsAlreadyIsNotSentAgain() {
        String holder = approvedWallet();
        await("the publication is confirmed", () -> "CONFIRMED".equals(lastStatus(holder)));
        long operatorNonce = DevChain.rpc().transactionCount(DevChain.OPERATOR.getAddress(), "latest");
        // as after a crash between sending and recording: the same change again
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE chain_publication SET status = 'PENDING', nonce = NULL, tx_hashes = NULL, tx_hash = NULL WHERE address = ?1")
                .setParameter(1, holder).executeUpdate());
        await("it is found on chain", () -> "UNCHANGED".equals(lastStatus(holder)));
        assertEquals(operatorNonce, DevChain.rpc().transactionCount(DevChain.OPERATOR.getAddress(), "pending"), "no transaction was sent");
        assertEquals(1, onChainStatus(holder));
    }

    @Test
    void aFailingNodeIsRetriedAndNoncesStayInOrder() {
        // another transaction of the operator key, outside the service: its nonce must not be reused
        DevChain.awaitReceipt(DevChain.rpc().call("eth_sendTransaction",
                Map.of("from", DevChain.OPERATOR.getAddress(), "to", DevChain.ISSUER.getAddress(), "value", "0x1")).asText());
        DevChain.FAIL_NEXT.set(3);
        List<String> wallets = List.of(approvedWallet(), approvedWallet(), approvedWallet());
        for (String wallet : wallets) {
            await("each wallet is whitelisted on chain", () -> onChainStatus(wallet) == 1 && "CONFIRMED".equals(lastStatus(wallet)));
        }
        List<Long> nonces = wallets.stream().map(w -> publications(w).getLong("[0].nonce")).toList();
        assertEquals(List.of(nonces.get(0), nonces.get(0) + 1, nonces.get(0) + 2), nonces, "consecutive nonces in the order of the changes");
        assertTrue(publications(wallets.get(0)).getInt("[0].attempts") > 1, "the first change was retried");
    }

    @Test
    void aPublicationThatKeepsFailingIsParkedAndAnAdminReplaysIt() {
        DevChain.NODE_DOWN.set(true);
        String holder = approvedWallet();
        await("the publication is given up on", () -> "DEAD".equals(lastStatus(holder)));
        given().when().get(Management.url("/q/health/well")).then().statusCode(503)
                .body("checks.find { it.name == 'token contract' }.status", equalTo("DOWN"));
        await("the admins' view counts it", () -> given().auth().oauth2(Tokens.admin()).when().get("/api/v1/admin/chain").then()
                .statusCode(200).extract().<Integer>path("dead") >= 1);
        long id = publications(holder).getLong("[0].id");
        assertTrue(publications(holder).getString("[0].lastError").contains("HTTP 503"), publications(holder).getString("[0].lastError"));
        given().auth().oauth2(Tokens.admin()).queryParam("address", holder).queryParam("action", "CHAIN_PUBLICATION_FAILED").when()
                .get("/api/v1/admin/audit").then().statusCode(200).body("detail", hasItem(containsString("HTTP 503")));

        DevChain.NODE_DOWN.set(false);
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/chain/publications/" + id + "/replay").then()
                .statusCode(200).body("status", equalTo("PENDING"));
        await("the replayed change is on chain", () -> onChainStatus(holder) == 1 && "CONFIRMED".equals(lastStatus(holder)));
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/chain/publications/" + id + "/replay").then()
                .statusCode(409).contentType("application/problem+json");
        await("the health check is up again", () -> given().when().get(Management.url("/q/health/well")).then().extract().statusCode() == 200);
    }

    @Test
    void theContractRestrictsTransfersAsTheServiceDoesForEveryPairOfStatuses() {
        Map<WhitelistStatus, String> holders = new java.util.EnumMap<>(WhitelistStatus.class);
        List<String> sent = new java.util.ArrayList<>();
        for (WhitelistStatus status : WhitelistStatus.values()) {
            String address = Applications.freshAddress();
            holders.put(status, address);
            if (status != WhitelistStatus.NOT_LISTED) {
                // EXPIRED as the contract sees one the operator has not marked yet: ACTIVE with its end passed
                int number = TokenContract.statusNumber(status == WhitelistStatus.EXPIRED ? WhitelistStatus.ACTIVE : status);
                long expiresAt = status == WhitelistStatus.EXPIRED ? 1 : 0;
                sent.add(DevChain.sendFrom(DevChain.OPERATOR.getAddress(), DevChain.contract(),
                        TokenContract.setWhitelistStatus(address, new TokenContract.Entry(number, expiresAt))));
            }
        }
        sent.forEach(DevChain::awaitReceipt);
        for (WhitelistStatus sender : WhitelistStatus.values()) {
            for (WhitelistStatus recipient : WhitelistStatus.values()) {
                assertEquals(RestrictionCode.detect(sender, recipient).code(), restriction(holders.get(sender), holders.get(recipient)),
                        sender + " -> " + recipient);
            }
        }
        assertEquals(TokenContract.statusNumber(WhitelistStatus.EXPIRED), onChainStatus(holders.get(WhitelistStatus.EXPIRED)));
    }

    @Test
    void anOlderChangeNeverUndoesANewerOneOnChain() {
        String holder = approvedWallet();
        await("whitelisted on chain", () -> "CONFIRMED".equals(lastStatus(holder)));
        revoke(holder);
        await("the revocation is on chain", () -> onChainStatus(holder) == 2 && "CONFIRMED".equals(lastStatus(holder)));
        long activation = publications(holder).getLong("[0].sequence");
        long revocation = publications(holder).getLong("[1].sequence");
        assertTrue(activation < revocation);
        // the activation arriving again after the revocation (outbox events can commit out of order)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO chain_publication (event_id, sequence, change_type, address, application_id, target_status, target_expires_at,
                            status, attempts, next_attempt_at, give_up_at, created_at)
                        SELECT gen_random_uuid(), sequence, change_type, address, application_id, target_status, target_expires_at,
                            'PENDING', 0, now(), now() + interval '1 hour', now()
                        FROM chain_publication WHERE address = ?1 AND sequence = ?2""")
                .setParameter(1, holder).setParameter(2, activation).executeUpdate());
        await("the stale activation is superseded", () -> publications(holder).getList("status", String.class).contains("SUPERSEDED"));
        assertEquals(2, onChainStatus(holder), "the address stays revoked on chain");

        // nor can an admin replay a dead publication that a later change supersedes
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE chain_publication SET status = 'DEAD' WHERE address = ?1 AND sequence = ?2 AND status = 'CONFIRMED'")
                .setParameter(1, holder).setParameter(2, activation).executeUpdate());
        long dead = publications(holder).getLong("find { it.status == 'DEAD' }.id");
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/chain/publications/" + dead + "/replay").then()
                .statusCode(409).body("detail", containsString("A later change of this address exists"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE chain_publication SET status = 'CONFIRMED' WHERE id = ?1")
                .setParameter(1, dead).executeUpdate());
    }

    @Test
    void aNonceLeftWithoutATransactionIsFilledSoThatTheChangesBehindItGoThrough() {
        String applicationId = Applications.submit(individual()).statusCode(201).extract().path("id");
        String holder = Applications.freshAddress();
        long next = DevChain.rpc().transactionCount(DevChain.OPERATOR.getAddress(), "pending");
        // a change sent under nonce next + 1, while nonce next has no transaction (broadcast before a crash, then dropped)
        RawTransaction tx = RawTransaction.createTransaction(BigInteger.valueOf(next + 1), DevChain.rpc().gasPrice(), BigInteger.valueOf(200_000),
                DevChain.contract(), BigInteger.ZERO, TokenContract.setWhitelistStatus(holder, new TokenContract.Entry(5, 0)));
        String hash = DevChain.rpc().sendRawTransaction(Numeric.toHexString(TransactionEncoder.signMessage(tx, DevChain.CHAIN_ID, DevChain.OPERATOR)));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO chain_publication (event_id, sequence, change_type, address, application_id, target_status, target_expires_at,
                            status, nonce, gas_price, tx_hashes, attempts, next_attempt_at, give_up_at, created_at, sent_at)
                        VALUES (gen_random_uuid(), 1000000000000, 'WHITELIST_SUSPENDED', ?1, ?2, 5, 0, 'SENT', ?3, 2000000000, ?4, 1,
                            now(), now() + interval '1 hour', now(), now())""")
                .setParameter(1, holder).setParameter(2, java.util.UUID.fromString(applicationId)).setParameter(3, next + 1)
                .setParameter(4, hash).executeUpdate());
        await("the change behind the gap is confirmed", () -> "CONFIRMED".equals(lastStatus(holder)));
        assertEquals(5, onChainStatus(holder));
        assertTrue(DevChain.rpc().transactionCount(DevChain.OPERATOR.getAddress(), "latest") >= next + 2, "the gap was filled");
    }

    @Test
    void theListingRefusesUnknownStatusesAndMalformedAddresses() {
        given().auth().oauth2(Tokens.admin()).queryParam("status", "LOST").queryParam("address", "0x123").queryParam("limit", 0)
                .when().get("/api/v1/admin/chain/publications").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("status")).body("errors.field", hasItem("address")).body("errors.field", hasItem("limit"));
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/admin/chain/publications/999999/replay").then().statusCode(404);
    }
}
