package io.kycwhitelist.ownership;

import static io.kycwhitelist.support.Applications.individual;
import static io.kycwhitelist.support.Applications.walletAddress;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Reviews;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Under a policy that makes wallet proofs optional, unproven wallets reach review flagged. */
@QuarkusTest
@TestProfile(OptionalWalletProofTest.OptionalProofs.class)
class OptionalWalletProofTest {

    public static class OptionalProofs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kyc.policy.path", "src/test/resources/policy/optional-wallet-proof.yaml");
        }
    }

    @Test
    void anUnprovenWalletGoesToReviewFlaggedAndNeedsFourEyes() {
        Map<String, Object> body = individual();
        ExtractableResponse<Response> created = Applications.submit(body).statusCode(201)
                .body("policyVersion", equalTo("test-optional-wallet-proof")).extract();
        String id = created.path("id");
        Applications.upload(id, created.path("statusToken"), "identity", "image/png", Applications.png()).statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("unprovenWallets", contains(walletAddress(body, 0)));
        // the application holds its unproven wallet from review on: another application cannot take it
        Map<String, Object> other = individual();
        Applications.setWallets(other, walletAddress(body, 0));
        Applications.submit(other).statusCode(409).body("type", equalTo("/problems/wallet-already-claimed"));
        String alice = Tokens.reviewer("alice@example.org");
        Reviews.approve(id, alice).statusCode(200)
                .body("flags", contains("WALLET_NOT_PROVEN"))
                .body("status", equalTo("PENDING_SECOND_APPROVAL"))
                .body("wallets[0].proven", equalTo(false))
                .body("wallets[0].held", equalTo(true));
        Reviews.approve(id, Tokens.reviewer("bob@example.org")).statusCode(200).body("status", equalTo("APPROVED"));
        Reviews.whitelist(walletAddress(body, 0)).body("status", equalTo("ACTIVE")).body("ownershipProven", equalTo(false));
    }

    @Test
    void aProvenWalletIsNotFlagged() {
        Map<String, Object> body = individual();
        String id = Reviews.pendingReview(body);
        Reviews.approve(id, Tokens.reviewer("carol@example.org")).statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("flags", org.hamcrest.Matchers.empty());
    }
}
