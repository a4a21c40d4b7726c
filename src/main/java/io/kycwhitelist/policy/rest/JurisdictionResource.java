package io.kycwhitelist.policy.rest;

import io.kycwhitelist.policy.JurisdictionPolicy;
import io.kycwhitelist.policy.PolicyInForce;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/jurisdictions")
@Tag(name = "Jurisdictions", description = "Public: who may not apply.")
@NonBlocking
public class JurisdictionResource {

    private static final CacheControl CACHE = CacheControl.valueOf("public, max-age=300");

    private final PolicyInForce policies;

    JurisdictionResource(PolicyInForce policies) {
        this.policies = policies;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The restricted-jurisdiction policy in force",
            description = "Each restricted country with the attributes it applies to and any exception, and the restricted regions. "
                    + "Cacheable: answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JurisdictionsView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match.")
    @APIResponse(responseCode = "406", description = "An Accept header asking for something other than JSON.")
    public Response jurisdictions(@Context Request request) {
        JurisdictionPolicy policy = policies.current();
        EntityTag etag = new EntityTag(policy.sha256());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.cacheControl(CACHE).build();
        }
        return Response.ok(JurisdictionsView.of(policy)).tag(etag).cacheControl(CACHE).build();
    }
}
