package io.kycwhitelist.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.kycwhitelist.support.Management;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract in {@code openapi/openapi.yaml} and the API the service serves must not drift:
 * the served document (generated from the code, its validation limits included) must equal the
 * file. After an intended API change, review and copy {@code target/openapi-served.yaml} over
 * the contract.
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path CONTRACT = Path.of("openapi", "openapi.yaml");
    static final Path SERVED_COPY = Path.of("target", "openapi-served.yaml");
    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            // every string quoted: minimal quoting would leave "0x5290..." and "1" to be read as numbers
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    @Test
    void theServedApiIsTheContract() throws IOException {
        // JSON, because the served YAML leaves strings such as "0x5290..." unquoted (read back as numbers)
        JsonNode served = new ObjectMapper().readTree(given().queryParam("format", "json").when().get(Management.url("/q/openapi")).then()
                .statusCode(200).extract().asString());
        Files.createDirectories(SERVED_COPY.getParent());
        YAML.writeValue(SERVED_COPY.toFile(), served);
        JsonNode contract = YAML.readTree(CONTRACT.toFile());
        List<String> differences = new ArrayList<>();
        diff("", contract, served, differences);
        if (!differences.isEmpty()) {
            fail("The served API differs from " + CONTRACT + " at " + differences.size() + " place(s), first: "
                    + differences.subList(0, Math.min(10, differences.size()))
                    + ". If the change is intended, copy " + SERVED_COPY + " over " + CONTRACT + ".");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theContractsRequestExamplesAreAcceptedByTheService() throws IOException {
        JsonNode examples = YAML.readTree(CONTRACT.toFile())
                .at("/paths/~1api~1v1~1applications/post/requestBody/content/application~1json/examples");
        assertTrue(examples.size() >= 2, "an individual and an organisation");
        for (Iterator<Map.Entry<String, JsonNode>> it = examples.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> example = it.next();
            Map<String, Object> body = YAML.convertValue(example.getValue().get("value"), Map.class);
            // a fresh wallet: the example's own may be claimed by an earlier run
            body.put("wallets", List.of(Map.of("chain", "ETHEREUM", "address", io.kycwhitelist.support.Applications.freshAddress())));
            given().contentType("application/json").body(body).when().post("/api/v1/applications").then()
                    .statusCode(201).body("status", org.hamcrest.Matchers.equalTo("PENDING_DOCUMENT"));
        }
    }

    @Test
    void theContractDescribesEveryEndpoint() throws IOException {
        JsonNode paths = YAML.readTree(CONTRACT.toFile()).get("paths");
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("/api/v1/applications", List.of("post")),
                Map.entry("/api/v1/applications/{id}", List.of("get")),
                Map.entry("/api/v1/applications/{id}/documents/{kind}", List.of("put")),
                Map.entry("/api/v1/jurisdictions", List.of("get")),
                Map.entry("/api/v1/applications/{id}/wallets/{address}/challenge", List.of("post")),
                Map.entry("/api/v1/applications/{id}/wallets/{address}/proof", List.of("put")),
                Map.entry("/api/v1/review/applications", List.of("get")),
                Map.entry("/api/v1/review/applications/{id}", List.of("get")),
                Map.entry("/api/v1/review/applications/{id}/documents/{kind}", List.of("get")),
                Map.entry("/api/v1/review/applications/{id}/decision", List.of("post")),
                Map.entry("/api/v1/admin/whitelist/{address}/revoke", List.of("post")),
                Map.entry("/api/v1/admin/audit", List.of("get")),
                Map.entry("/api/v1/admin/sanctions-lists", List.of("get")),
                Map.entry("/api/v1/admin/personal-data/reseal", List.of("post")),
                Map.entry("/api/v1/admin/webhooks", List.of("get", "post")),
                Map.entry("/api/v1/admin/whitelist/expiring", List.of("get")),
                Map.entry("/api/v1/admin/webhooks/{id}", List.of("delete")),
                Map.entry("/api/v1/admin/webhooks/dead-letters", List.of("get")),
                Map.entry("/api/v1/admin/webhooks/deliveries/{id}/replay", List.of("post")),
                Map.entry("/api/v1/admin/chain", List.of("get")),
                Map.entry("/api/v1/admin/chain/publications", List.of("get")),
                Map.entry("/api/v1/admin/chain/publications/{id}/replay", List.of("post")),
                Map.entry("/api/v1/admin/applications/{id}/erasure", List.of("post")),
                Map.entry("/api/v1/admin/sanctions-lists/reload", List.of("post")),
                Map.entry("/api/v1/review/applications/{id}/sanctions-hits/{hitId}/dismissal", List.of("post")),
                Map.entry("/api/v1/whitelist/{address}", List.of("get")),
                Map.entry("/api/v1/whitelist/check", List.of("post")),
                Map.entry("/api/v1/transfer-restrictions", List.of("get")),
                Map.entry("/api/v1/transfer-restrictions/codes", List.of("get")),
                Map.entry("/api/v1/admin/whitelist/{address}/reinstatement", List.of("post")),
                Map.entry("/api/v1/admin/policy", List.of("get")),
                Map.entry("/api/v1/admin/policy/dry-run", List.of("post")),
                Map.entry("/api/v1/admin/policy/reload", List.of("post")),
                Map.entry("/api/v1/admin/rescreenings", List.of("get")),
                Map.entry("/api/v1/applications/{id}/renewal", List.of("get", "post")),
                Map.entry("/api/v1/applications/{id}/renewal/documents/{kind}", List.of("put")),
                Map.entry("/api/v1/review/renewals", List.of("get")),
                Map.entry("/api/v1/review/renewals/{id}", List.of("get")),
                Map.entry("/api/v1/review/renewals/{id}/documents/{kind}", List.of("get")),
                Map.entry("/api/v1/review/renewals/{id}/decision", List.of("post")),
                Map.entry("/api/v1/review/renewals/{id}/sanctions-hits/{hitId}/dismissal", List.of("post")),
                Map.entry("/api/v1/admin/wallet-claims/{address}/release", List.of("post")));
        expected.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = paths.path(path).path(method);
            assertTrue(operation.isObject(), method + " " + path + " is missing from the contract");
            assertTrue(operation.path("responses").size() >= 2, method + " " + path + " documents its errors too");
        }));
        assertEquals(2, YAML.readTree(CONTRACT.toFile()).at("/paths/~1api~1v1~1applications/post/requestBody/content/application~1json/examples").size(),
                "the submission has an individual and an organisation example");
    }

    private static void diff(String at, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!actual.has(name)) {
                    differences.add("only in the contract: " + at + "/" + name);
                } else {
                    diff(at + "/" + name, expected.get(name), actual.get(name), differences);
                }
            }
            for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!expected.has(name)) {
                    differences.add("only served: " + at + "/" + name);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(at + "/" + i, expected.get(i), actual.get(i), differences);
            }
        } else if (!expected.equals(actual)) {
            differences.add(at + ": contract " + abbreviate(expected) + ", served " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
