package io.kycwhitelist.exchange.rest;

import io.kycwhitelist.common.Ethereum;
import io.kycwhitelist.common.problem.Problem.FieldError;
import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.exchange.RestrictionCode;
import io.kycwhitelist.exchange.WhitelistCheck;
import io.kycwhitelist.exchange.api.TransferRestriction;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/transfer-restrictions")
@RolesAllowed({Roles.EXCHANGE, Roles.ADMIN})
@Tag(name = "Exchanges")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
public class TransferRestrictionResource {

    private final WhitelistCheck check;

    TransferRestrictionResource(WhitelistCheck check) {
        this.check = check;
    }

    @GET
    @Operation(summary = "The restriction on a transfer, as ERC-1404 detectTransferRestriction",
            description = "0 SUCCESS, or the first restriction found; the sender is checked before the recipient.")
    @APIResponse(responseCode = "400", description = "from or to missing or malformed.")
    @APIResponse(responseCode = "200", description = "The code and its message; 0 when the transfer may proceed.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferRestriction.class)))
    public TransferRestriction detect(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>(Ethereum.addressErrors(from, "from"));
        errors.addAll(Ethereum.addressErrors(to, "to"));
        RequestValidator.failIfAny(errors);
        return TransferRestriction.of(RestrictionCode.detect(check.status(from), check.status(to)));
    }

    @GET
    @Path("codes")
    @Operation(summary = "The table of restriction codes and messages")
    public List<TransferRestriction> codes() {
        return Arrays.stream(RestrictionCode.values()).map(TransferRestriction::of).toList();
    }
}
