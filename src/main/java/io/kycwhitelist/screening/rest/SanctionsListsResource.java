package io.kycwhitelist.screening.rest;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.problem.Problem;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.rescreening.service.Rescreening;
import io.kycwhitelist.screening.ListFormatException;
import io.kycwhitelist.screening.api.SanctionsListsView;
import io.kycwhitelist.screening.service.SanctionsListsInForce;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

@Path("/api/v1/admin/sanctions-lists")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class SanctionsListsResource {

    private static final Logger LOG = Logger.getLogger(SanctionsListsResource.class);

    private final SanctionsListsInForce lists;
    private final AuditTrail audit;
    private final JsonWebToken token;
    private final Rescreening rescreening;

    SanctionsListsResource(SanctionsListsInForce lists, AuditTrail audit, JsonWebToken token, Rescreening rescreening) {
        this.lists = lists;
        this.audit = audit;
        this.token = token;
        this.rescreening = rescreening;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The sanctions lists in force", description = "Their dates, content hashes and sizes.")
    public SanctionsListsView inForce() {
        return view(lists.loaded());
    }

    @POST
    @Path("reload")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read the sanctions lists again",
            description = "From the configured directory (kyc.sanctions.path), without a restart. New applications are screened "
                    + "against the new lists from the answer on, on every instance within kyc.sanctions.sync-interval (10 s). New lists start a "
                    + "re-screening of every applicant holding ACTIVE entries and every open application (see /api/v1/admin/rescreenings). "
                    + "A missing or malformed file is refused and the lists in use stay in force.")
    @APIResponse(responseCode = "200", description = "The new lists are in force.")
    @APIResponse(responseCode = "422", description = "A file is missing or malformed; nothing changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SanctionsListsView reload() {
        SanctionsListsInForce.Loaded loaded;
        try {
            loaded = lists.reloadEverywhere(token.getName());
        } catch (SQLException e) {
            throw new IllegalStateException("The reload could not be announced to the other instances", e);
        } catch (ListFormatException e) {
            LOG.warnf("Sanctions lists not reloaded, the lists in use stay in force: %s", e.getMessage());
            throw new ProblemException(ProblemType.SANCTIONS_LIST_INVALID,
                    "The lists were not reloaded and the lists in use stay in force: " + e.getMessage());
        }
        String detail = loaded.lists().sources().stream()
                .map(s -> s.label() + " entries=" + s.entries() + " addresses=" + s.addresses())
                .collect(Collectors.joining(", "));
        QuarkusTransaction.requiringNew().run(() -> audit.record(token.getName(), AuditAction.SANCTIONS_LISTS_LOADED, null, null,
                loaded.origin() + ": " + detail, loaded.loadedAt()));
        rescreening.startIfDue();
        return view(loaded);
    }

    private SanctionsListsView view(SanctionsListsInForce.Loaded loaded) {
        int[] names = loaded.lists().nameCounts();
        return new SanctionsListsView(loaded.lists().sources(), loaded.origin(), loaded.loadedAt(), loaded.loadTime().toMillis(),
                Map.of("individuals", names[0], "organisations", names[1]), loaded.lists().addressesByAsset(), lists.threshold());
    }
}
