package io.kycwhitelist.rescreening.rest;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.problem.Problem;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.security.Roles;
import io.kycwhitelist.policy.JurisdictionPolicy;
import io.kycwhitelist.policy.PolicyInForce;
import io.kycwhitelist.policy.PolicyLoader;
import io.kycwhitelist.rescreening.api.DryRunReport;
import io.kycwhitelist.rescreening.api.PolicyView;
import io.kycwhitelist.rescreening.api.RescreeningView;
import io.kycwhitelist.rescreening.service.Rescreening;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** Rolling out a policy version: see what it would change, put it in force, follow the re-screening. */
@Path("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class PolicyRolloutResource {

    static final String YAML = "application/yaml";
    private static final Logger LOG = Logger.getLogger(PolicyRolloutResource.class);

    private final PolicyInForce policies;
    private final Rescreening rescreening;
    private final AuditTrail audit;
    private final JsonWebToken token;

    PolicyRolloutResource(PolicyInForce policies, Rescreening rescreening, AuditTrail audit, JsonWebToken token) {
        this.policies = policies;
        this.rescreening = rescreening;
        this.audit = audit;
        this.token = token;
    }

    @GET
    @Path("policy")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The jurisdiction policy in force", description = "Its version, date, hash and where it was read from.")
    public PolicyView policyInForce() {
        return PolicyView.of(policies.loaded());
    }

    @POST
    @Path("policy/dry-run")
    @Consumes({YAML, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What a candidate policy would change",
            description = "Evaluates every applicant holding ACTIVE entries and every open application under the candidate policy file "
                    + "(the body, in the format of the policy file) and the sanctions lists in force, and reports which entries would be "
                    + "SUSPENDED and which applications REJECTED if it were put in force now. Changes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "The report.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DryRunReport.class)))
    @APIResponse(responseCode = "422", description = "The candidate is not a valid policy file.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DryRunReport dryRun(byte[] candidate) {
        JurisdictionPolicy policy;
        try {
            policy = PolicyLoader.load(candidate == null ? new byte[0] : candidate, "The candidate policy");
        } catch (PolicyLoader.InvalidPolicyException e) {
            throw new ProblemException(ProblemType.POLICY_INVALID, e.getMessage());
        }
        return rescreening.dryRun(policy);
    }

    @POST
    @Path("policy/reload")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read the policy file again",
            description = "From kyc.policy.path, without a restart. New applications are decided under it from the answer on, on every "
                    + "instance within kyc.sanctions.sync-interval (10 s). A new version starts a re-screening of every applicant holding "
                    + "ACTIVE entries and every open application (see /api/v1/admin/rescreenings). A malformed file is refused and the "
                    + "policy in use stays in force.")
    @APIResponse(responseCode = "200", description = "The policy now in force.")
    @APIResponse(responseCode = "422", description = "The file is missing or malformed; nothing changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PolicyView reloadPolicy() {
        String before = policies.current().sha256();
        PolicyInForce.Loaded loaded;
        try {
            loaded = policies.reloadEverywhere(token.getName());
        } catch (SQLException e) {
            throw new IllegalStateException("The reload could not be announced to the other instances", e);
        } catch (PolicyLoader.InvalidPolicyException e) {
            LOG.warnf("Policy not reloaded, the policy in use stays in force: %s", e.getMessage());
            throw new ProblemException(ProblemType.POLICY_INVALID, "The policy was not reloaded and the policy in use stays in force: " + e.getMessage());
        }
        JurisdictionPolicy policy = loaded.policy();
        QuarkusTransaction.requiringNew().run(() -> audit.record(token.getName(), AuditAction.POLICY_LOADED, null, policy.version(),
                loaded.origin() + " sha256=" + policy.sha256() + (policy.sha256().equals(before) ? " (unchanged)" : ""), loaded.loadedAt()));
        rescreening.startIfDue();
        return PolicyView.of(loaded);
    }

    @GET
    @Path("rescreenings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest re-screenings",
            description = "Newest first, at most 50: one per policy and sanctions lists basis, with what each checked and changed.")
    @APIResponse(responseCode = "200", description = "The re-screenings.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RescreeningView.class)))
    public List<RescreeningView> rescreenings() {
        return rescreening.latest(50);
    }
}
