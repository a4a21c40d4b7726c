package io.kycwhitelist.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JurisdictionsEndpointTest {

    static final String PATH = "/api/v1/jurisdictions";

    @Test
    void listsThePolicyInForceWithNamesAttributesAndExceptions() {
        given().when().get(PATH).then().statusCode(200)
                .body("version", equalTo("2026-11-22.1"))
                .body("effectiveDate", equalTo("2026-11-22"))
                .body("minimumAge", equalTo(18))
                .body("acceptedTermsVersions", hasItems("2026-11"))
                .body("countries.code", hasItems("US", "PR", "GU", "VI", "AS", "MP", "UM", "SG", "HK", "CN", "WS", "SC", "CU", "IR", "KP"))
                .body("countries.find { it.code == 'CN' }.name", equalTo("People's Republic of China"))
                .body("countries.find { it.code == 'HK' }.exception", equalTo("PROFESSIONAL_INVESTOR"))
                .body("countries.find { it.code == 'US' }.appliesTo", hasItems("CITIZENSHIP", "RESIDENCE", "TAX_RESIDENCE",
                        "PERMANENT_RESIDENCE", "ID_DOCUMENT", "INCORPORATION", "PLACE_OF_BUSINESS"))
                .body("subdivisions.find { it.code == 'UA-43' }.name", equalTo("Crimea"));
    }

    @Test
    void isCacheableAndAnswers304ToItsOwnETag() {
        String etag = given().when().get(PATH).then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", containsString("public"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get(PATH).then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").when().get(PATH).then().statusCode(200);
    }
}
