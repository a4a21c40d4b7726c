package io.kycwhitelist.common.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the API description with the one error path: every error response is a problem
 * document, every operation may answer 500, and secured operations answer 401 and 403.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, String> SECURED = Map.of(
            "401", "No valid bearer token: missing, expired, tampered, or from another issuer.",
            "403", "The token does not carry a role that may do this.");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
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

    private static void problemContent(APIResponse response) {
        response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
    }
}
