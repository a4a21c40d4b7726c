package io.kycwhitelist.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.kycwhitelist.support.Applications.walletAddress;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.kycwhitelist.support.Applications;
import io.kycwhitelist.support.Reviews;
import io.kycwhitelist.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The buyer's form and the reviewers' console in Debian's Chromium, driven by Playwright. Without
 * a Chromium (set KYC_CHROMIUM to another path) the tests are skipped, saying why; .ci/run
 * installs it. Screenshots go to target/screenshots/.
 */
@QuarkusTest
class BrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KYC_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL root;

    BrowserContext context;
    Page page;

    static final String NO_CHROMIUM = "No Chromium at " + CHROMIUM + ": browser tests skipped (apt-get install chromium, or set KYC_CHROMIUM)";

    @BeforeAll
    static void launch() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            org.jboss.logging.Logger.getLogger(BrowserTest.class).warn(NO_CHROMIUM);
            return;
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        Assumptions.assumeTrue(browser != null, NO_CHROMIUM);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    /** The form control with exactly this label (labels share words, like "Country of residence"). */
    Locator label(String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    void fillIndividual(String name, String residence, String wallet) {
        page.navigate(url("/"));
        assertThat(page.locator("#restricted")).containsText("United States");
        label("Full legal name, as on your identity document").fill(name);
        label("Date of birth").fill("1990-04-12");
        label("Citizenship 1").selectOption(residence);
        label("Country of residence").selectOption(residence);
        label("Document number").fill("C01X00T47");
        label("Issued by").selectOption(residence);
        label("Valid until").fill("2031-08-31");
        label("E-mail").fill("zoe@example.org");
        label("Wallet 1").fill(wallet);
        label("I am not a U.S. person as Rule 902(k) of Regulation S defines it.").check();
        page.locator("#terms").check();
    }

    @Test
    void aBuyerFromGermanyAppliesProvesHerWalletUploadsHerPassportAndReachesHerStatusPage() throws Exception {
        String wallet = Applications.freshAddress();
        List<String> elsewhere = new java.util.ArrayList<>();
        page.onRequest(request -> {
            if (!request.url().startsWith(url("/"))) {
                elsewhere.add(request.url());
            }
        });
        // a minimal EIP-1193 provider, signing with the test's key
        page.exposeFunction("kycTestSign", args -> Applications.sign((String) args[0], (String) args[1]));
        page.addInitScript("window.ethereum = { request: async ({ method, params }) => {"
                + " if (method === 'personal_sign') return await window.kycTestSign(params[0], params[1]);"
                + " throw new Error('unsupported ' + method); } };");
        fillIndividual("Zoë Łukasiewicz", "DE", wallet);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("form.png")).setFullPage(true));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();

        assertThat(page.locator("#next")).isVisible();
        page.getByText("Sign with my wallet").click();
        assertThat(page.locator(".proof .result")).containsText("Proven");
        Path passport = Files.createTempFile("passport", ".png");
        Files.write(passport, Applications.png());
        page.setInputFiles("#file-identity", passport);
        assertThat(page.locator(".upload .result")).containsText("Received");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("next-steps.png")).setFullPage(true));

        String statusLink = page.locator("#status-link").getAttribute("href");
        org.junit.jupiter.api.Assertions.assertTrue(statusLink.startsWith("/#status/"), "the token travels in the fragment: " + statusLink);
        page.navigate(url(statusLink));
        assertThat(page.locator("#status-text")).containsText("is being reviewed");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), elsewhere, "the pages load nothing from elsewhere");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("status.png")));
    }

    /** Submitted, proven and uploaded: in review; answers the status link's path. */
    static String inReview(Map<String, Object> body) {
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> created = Applications.submit(body).statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("statusToken");
        Applications.proveWallets(id, token, body);
        Applications.upload(id, token, "identity", "image/png", Applications.png()).statusCode(200);
        return "/#status/" + id + "/" + token;
    }

    @Test
    void aFlaggedApplicantsStatusPageReadsExactlyLikeAnyOther() {
        Map<String, Object> listed = Applications.individual();
        listed.put("fullLegalName", "Xiaobing Yan"); // a possible match on OFAC's list: flagged, four eyes
        listed.put("dateOfBirth", "1977-03-25");
        String flagged = inReview(listed);
        String clean = inReview(Applications.individual());
        String flaggedId = flagged.split("/")[2];
        String etag = Reviews.view(flaggedId, Tokens.reviewer()).header("ETag");
        String hit = Reviews.view(flaggedId, Tokens.reviewer()).path("sanctions.hits[0].id");
        io.restassured.RestAssured.given().auth().oauth2(Tokens.reviewer()).contentType("application/json").header("If-Match", etag)
                .body(Map.of("reason", "Another date of birth on the passport.")).post(Reviews.REVIEW + "/" + flaggedId + "/sanctions-hits/" + hit + "/dismissal")
                .then().statusCode(200);
        Reviews.approve(flaggedId, Tokens.reviewer("first@example.org")).statusCode(200).body("status", equalTo("PENDING_SECOND_APPROVAL"));

        page.navigate(url(clean));
        assertThat(page.locator("#status-text")).containsText("is being reviewed");
        String cleanPage = page.locator("#status").innerText();
        page.navigate("about:blank"); // a fresh load: the two links differ in their fragment only
        page.navigate(url(flagged));
        assertThat(page.locator("#status-text")).containsText("is being reviewed");
        org.junit.jupiter.api.Assertions.assertEquals(cleanPage, page.locator("#status").innerText());
    }

    @Test
    void anApprovedHolderRenewsWithANewDocumentFromTheStatusPage() throws Exception {
        Map<String, Object> body = Applications.individual();
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> created = Applications.submit(body).statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("statusToken");
        Applications.proveWallets(id, token, body);
        Applications.upload(id, token, "identity", "image/png", Applications.png()).statusCode(200);
        Reviews.approve(id, Tokens.reviewer()).statusCode(200).body("status", equalTo("APPROVED"));

        page.navigate(url("/#status/" + id + "/" + token));
        assertThat(page.locator("#status-text")).containsText("Approved");
        page.locator("#renewalNumber").fill("C01X00T99");
        page.locator("#renewalCountry").selectOption("DE");
        page.locator("#renewalExpiry").fill(java.time.LocalDate.now().plusYears(10).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the new document's details")).click();
        assertThat(page.locator("#renewal-state")).containsText("upload the documents");
        Path copy = Files.createTempFile("passport", ".png");
        Files.write(copy, Applications.png());
        page.setInputFiles("#file-renewal-identity", copy);
        assertThat(page.locator("#renewal .upload .result")).containsText("Received");
        page.reload();
        assertThat(page.locator("#renewal-state")).containsText("is being reviewed");
        assertThat(page.locator("#renewal-form")).isHidden();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("renewal.png")).setFullPage(true));
    }

    @Test
    void aReviewerApprovesARenewalFromTheConsole() {
        Map<String, Object> body = Applications.individual();
        body.put("fullLegalName", "Renata Renewal-" + UUID.randomUUID().toString().substring(0, 8));
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> created = Applications.submit(body).statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("statusToken");
        Applications.proveWallets(id, token, body);
        Applications.upload(id, token, "identity", "image/png", Applications.png()).statusCode(200);
        Reviews.approve(id, Tokens.reviewer()).statusCode(200);
        io.restassured.RestAssured.given().header("X-Status-Token", token).contentType("application/json")
                .body(Map.of("idDocument", Map.of("type", "PASSPORT", "number", "C01X00T99", "issuingCountry", "DE",
                        "expiryDate", java.time.LocalDate.now().plusYears(10).toString())))
                .post(Applications.PATH + "/" + id + "/renewal").then().statusCode(201);
        io.restassured.RestAssured.given().header("X-Status-Token", token).contentType("image/png").body(Applications.png())
                .put(Applications.PATH + "/" + id + "/renewal/documents/identity").then().statusCode(200);

        page.navigate(url("/review/"));
        label("Bearer token").fill(Tokens.reviewer("rita@example.org"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName((String) body.get("fullLegalName"))).click();
        assertThat(page.locator("#renewal-details")).containsText("C01X00T99");
        assertThat(page.locator("#renewal-details")).containsText("C01X00T47");
        assertThat(page.locator("#renewal-documents img")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-renewal.png")).setFullPage(true));
        click("Approve the renewal");
        assertThat(page.locator("#renewal-notice")).containsText("APPROVED");
    }

    @Test
    void thePagesForbidScriptsFromElsewhereAndFraming() {
        for (String path : List.of("/", "/review/")) {
            io.restassured.RestAssured.given().when().get(url(path)).then().statusCode(200)
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'"))
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                    .header("Referrer-Policy", "no-referrer");
        }
    }

    @Test
    void aUsResidentSeesTheRejectionWithItsReason() {
        fillIndividual("John Doe", "US", Applications.freshAddress());
        // submitted from the keyboard: Enter in a text field
        label("E-mail").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#rejected")).isVisible();
        assertThat(page.locator("#reasons")).containsText("country of residence is United States (US)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("rejection.png")).setFullPage(true));
    }

    @Test
    void mistakesAreShownAsTheyAreTyped() {
        page.navigate(url("/"));
        label("Wallet 1").fill("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD");
        assertThat(page.locator("[id='wallets[0].address-error']")).containsText("checksum");
        label("Wallet 1").fill("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        assertThat(page.locator("[id='wallets[0].address-error']")).isEmpty();
        label("Date of birth").fill("2999-01-01");
        label("Date of birth").blur();
        assertThat(page.locator("#dateOfBirth-error")).containsText("future");
        label("E-mail").focus();
        label("E-mail").blur();
        assertThat(page.locator("#email-error")).containsText("required");
    }

    @Test
    void theServersFieldErrorsStandNextToTheirFields() {
        fillIndividual("Zoë Łukasiewicz", "DE", Applications.freshAddress());
        label("Valid until").fill("2001-01-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page.locator("[id='idDocument.expiryDate-error']")).containsText("expired");
    }

    @Test
    void theFormWorksOnAPhone() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740));
        page = context.newPage();
        page.navigate(url("/"));
        assertThat(page.locator("#restricted")).containsText("Singapore");
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        org.junit.jupiter.api.Assertions.assertTrue(width <= 360, "no horizontal scrolling at 360 px: " + width);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("form-phone.png")).setFullPage(true));
    }

    @Test
    void aReviewerSignsInSeesTheDocumentAndApproves() {
        Named app = inReview("Browser Reviewee");
        openInConsole(Tokens.reviewer("rita@example.org"), app.name());
        assertThat(page.locator("#documents img")).isVisible();
        page.waitForFunction("() => document.querySelector('#documents img').naturalWidth > 0");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console.png")).setFullPage(true));
        click("Approve");
        assertThat(page.locator("#notice")).containsText("APPROVED");
        Reviews.whitelist(walletAddress(app.body(), 0)).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aReviewerSeesASanctionsHitWithItsEvidenceAndDismissesItBeforeApproving() {
        Map<String, Object> body = Applications.individual();
        // OFAC SDN entry 25308, YAN, Xiaobing, born 25 Mar 1977; a middle name keeps the name unique to this test
        String name = "Xiaobing Q" + UUID.randomUUID().toString().substring(0, 6) + " Yan";
        body.put("fullLegalName", name);
        body.put("dateOfBirth", "1977-03-25");
        Reviews.pendingReview(body);
        openInConsole(Tokens.reviewer("rita@example.org"), name);
        Locator hit = page.locator("#sanctions-hits .hit");
        assertThat(hit).containsText("OFAC_SDN entry 25308: Xiaobing YAN");
        assertThat(hit).containsText("same date of birth");
        assertThat(hit).containsText("1977-03-25");
        assertThat(page.locator("#approvals")).containsText("of 2");
        click("Approve");
        assertThat(page.locator("#decision-error")).containsText("possible sanctions matches");
        click("Dismiss as a false positive");
        assertThat(hit.locator(".error")).containsText("Give the reason");
        label("Why this is not the applicant").fill("Passport photo and place of birth differ from the listed person.");
        click("Dismiss as a false positive");
        assertThat(page.locator("#notice")).containsText("Hit dismissed");
        assertThat(page.locator("#sanctions-hits")).containsText("Dismissed by rita@example.org");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-sanctions-hit.png")).setFullPage(true));
        click("Approve");
        assertThat(page.locator("#notice")).containsText("PENDING_SECOND_APPROVAL");
    }

    /** An application in review whose applicant has a name no other test uses. */
    record Named(String id, String name, Map<String, Object> body) {}

    static Named inReview(String prefix) {
        Map<String, Object> body = Applications.individual();
        String name = prefix + " " + UUID.randomUUID().toString().substring(0, 8);
        body.put("fullLegalName", name);
        return new Named(Reviews.pendingReview(body), name, body);
    }

    void click(String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    /** Signs in and opens the application named {@code name}, paging through the queue. */
    void openInConsole(String token, String name) {
        page.navigate(url("/review/"));
        label("Bearer token").fill(token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#queue")).isVisible();
        Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
        page.waitForFunction("() => document.querySelectorAll('#queue-rows tr').length > 0"); // the first page is in
        while (link.count() == 0 && page.locator("#more").isVisible()) {
            int shown = page.locator("#queue-rows tr").count();
            page.locator("#more").click();
            page.waitForFunction("n => document.querySelectorAll('#queue-rows tr').length > n", shown);
        }
        link.click();
        assertThat(page.locator("#app-title")).hasText(name);
    }

    @Test
    void aStaleDecisionIsExplainedAndTheApplicationReloaded() {
        Named app = inReview("Browser Stale");
        openInConsole(Tokens.reviewer("rita@example.org"), app.name());
        // meanwhile another reviewer decides
        Reviews.approve(app.id(), Tokens.reviewer("sam@example.org")).statusCode(200);
        click("Approve");
        assertThat(page.locator("#notice")).containsText("Someone else changed this application");
        assertThat(page.locator("#details")).containsText("APPROVED");
    }

    @Test
    void anAdminSeesTheAuditTrailAndRevokesAWallet() {
        Named app = inReview("Browser Audit");
        String officer = io.smallrye.jwt.build.Jwt.subject("officer@example.org").upn("officer@example.org").groups(java.util.Set.of("reviewer", "admin")).sign();
        openInConsole(officer, app.name());
        click("Approve");
        assertThat(page.locator("#notice")).containsText("APPROVED");
        assertThat(page.locator("#audit-rows")).containsText("WALLET_PROVEN");
        label("Address").fill(walletAddress(app.body(), 0));
        label("Reason").fill("Holder identified as a U.S. person.");
        click("Revoke");
        assertThat(page.locator("#revoke-result")).containsText("REVOKED");
        assertThat(page.locator("#audit-rows")).containsText("REVOKED");
        Reviews.whitelist(walletAddress(app.body(), 0)).body("status", equalTo("REVOKED"));
    }
}
