package io.kycwhitelist.common.problem;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the API description with the one error path: every error response is a problem
 * document, every operation may answer 500, and operations secured by a bearer token answer 401
 * and 403. It also states how each operation is authorised: a bearer token (from the roles), the
 * applicant's status token (the {@code X-Status-Token} header), or nothing (public).
 */
public class ProblemResponsesFilter implements OASFilter {

    static final String STATUS_TOKEN_SCHEME = "statusToken";
    static final String STATUS_TOKEN_HEADER = "X-Status-Token";

    private static final Map<String, String> SECURED = Map.of(
            "401", "No valid bearer token: missing, expired, tampered, or from another issuer.",
            "403", "The token does not carry a role that may do this.");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        boolean statusToken = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && STATUS_TOKEN_HEADER.equals(p.getName()));
        if (statusToken) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(STATUS_TOKEN_SCHEME)));
        } else if (operation.getSecurity() == null) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement())); // public: anyone may call it
        } else if (!operation.getSecurity().isEmpty()) {
            SECURED.forEach((code, description) -> {
                if (!responses.hasAPIResponse(code)) {
                    responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
                }
            });
        }
        if (!responses.hasAPIResponse("500")) {
            responses.addAPIResponse("500", OASFactory.createAPIResponse().description("The service failed; logged, never detailed."));
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.matches("[45]\\d\\d") && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                problemContent(response);
            }
        });
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null) {
            // the applicants' endpoints are limited per client address (RateLimits)
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (path.startsWith("/api/v1/applications")) {
                    item.getOperations().values().forEach(operation -> {
                        APIResponse tooMany = OASFactory.createAPIResponse()
                                .description("Over the rate limit of the client's address (or too many wrong status tokens from it); "
                                        + "Retry-After says in how many seconds to try again.")
                                .addHeader("Retry-After", OASFactory.createHeader().schema(OASFactory.createSchema()
                                        .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)));
                        problemContent(tooMany);
                        operation.getResponses().addAPIResponse("429", tooMany);
                    });
                }
            });
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(STATUS_TOKEN_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(STATUS_TOKEN_HEADER)
                .description("The applicant's status token, given once in the answer to the submission. A wrong token answers 404, "
                        + "like an unknown application."));
    }

    private static void problemContent(APIResponse response) {
        response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
    }
}
