package io.kycwhitelist.ownership.rest;

import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.ownership.Signatures;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * Development only ({@code ./mvnw quarkus:dev}): signs a message as a wallet's sign-message
 * function would, with a throwaway private key, so that the README's flow runs with curl alone.
 * Not built into the packaged application. Never send a real key anywhere.
 */
@IfBuildProfile("dev")
@Path("/dev/sign")
@Tag(name = "Development")
public class DevSigningResource {

    public record SignRequest(String privateKey, String message) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "personal_sign a message with a throwaway key (development only)")
    public String sign(SignRequest request) {
        if (request == null || request.privateKey() == null || !request.privateKey().matches("0x[0-9a-fA-F]{64}") || request.message() == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Send {\"privateKey\": \"0x + 64 hex digits\", \"message\": \"...\"}.");
        }
        ECKeyPair key = ECKeyPair.create(new BigInteger(request.privateKey().substring(2), 16));
        return Signatures.hex(Sign.signPrefixedMessage(request.message().getBytes(StandardCharsets.UTF_8), key));
    }
}
