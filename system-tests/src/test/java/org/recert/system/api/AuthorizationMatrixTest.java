package org.recert.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;
import org.recert.systemtests.SuiteExtension;

/**
 * Issue 7 item 6: every public operation of the gateway's merged OpenAPI, called through the gateway against the real
 * services by each kind of caller, with the caller's own and another tenant's ids, gets exactly the access DESIGN.md's
 * Security section gives: 2xx where allowed, else 401, 403 or 404 (problem+json), never the data.
 */
@ExtendWith(SuiteExtension.class)
class AuthorizationMatrixTest {

    private static SuiteData data;

    @BeforeAll
    static void describeTheRun(Suite suite) {
        Gateway gateway = Gateway.checked(suite.gatewayUrl());
        data = new SuiteData(suite, gateway, OpenApiDocument.fetch(gateway));
    }

    /** One row of the matrix: an operation in a scenario, the request each caller sends, what each caller gets. */
    record Case(String operation, String scenario, Function<SuiteData, ApiRequest> request, Map<Role, Expect> expected,
            BiConsumer<Role, Answer> alsoCheck) {

        String name() {
            return operation + " (" + scenario + ")";
        }
    }

    @Test
    void shouldHaveAMatrixEntryForEveryOperationOfTheMergedDocument() {
        Set<String> documented = new TreeSet<>();
        data.document().operations().forEach(operation -> documented.add(operation.key()));
        Set<String> covered = new TreeSet<>();
        cases().forEach(c -> covered.add(c.operation()));

        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(covered);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(documented);
        assertThat(missing).as("operations of /q/openapi without an authorization matrix entry").isEmpty();
        assertThat(stale).as("matrix entries for operations the document no longer lists").isEmpty();
    }

    @TestFactory
    Stream<DynamicNode> shouldGiveEachCallerExactlyTheAccessTheDesignSays() {
        return cases().stream().map(c -> DynamicContainer.dynamicContainer(c.name(), Stream.of(Role.values())
                .map(role -> DynamicTest.dynamicTest(role.label() + " gets " + c.expected().get(role).label(), () -> check(c, role)))));
    }

    /**
     * Issue 14: the gateway once decided on the raw path while routing on the normalised one. The matrix once more, each
     * request through another spelling of its path (a letter percent-encoded in the first or third segment, or dot
     * segments; the spelling changes from role to role): every caller must get exactly the same access.
     */
    @TestFactory
    Stream<DynamicNode> shouldGiveTheSameAccessWhateverTheSpellingOfThePath() {
        return cases().stream().map(c -> DynamicContainer.dynamicContainer(c.name(), Stream.of(Role.values())
                .map(role -> {
                    Function<ApiRequest, ApiRequest> spelling = request -> request.at(PathSpellings.sameResource(request.pathAndQuery(),
                            role.ordinal() + c.name().length()));
                    return DynamicTest.dynamicTest(role.label() + " gets " + c.expected().get(role).label() + " through "
                            + PathSpellings.sameResource(c.operation().substring(c.operation().indexOf(' ') + 1), role.ordinal() + c.name().length()),
                            () -> check(c, role, spelling));
                })));
    }

    @Test
    void shouldLocateCreatedResourcesOnTheGatewayNotOnAService() throws Throwable {
        Answer answer = data.gateway().send(ApiRequest.of("POST", "/api/v1/catalog/providers")
                .json(data.example("POST", "/api/v1/catalog/providers").put("name", data.uniqueName("Located provider")).toString()),
                data.token(Role.ADMIN));
        assertThat(answer.status()).as(answer.describe()).isEqualTo(201);
        assertThat(answer.header("Location"))
                .as("Location header of POST /api/v1/catalog/providers through the gateway")
                .startsWith(data.gateway().baseUrl() + "/api/v1/catalog/providers/");
    }

    private static void check(Case c, Role role) {
        check(c, role, Function.identity());
    }

    private static void check(Case c, Role role, Function<ApiRequest, ApiRequest> spelling) {
        ApiRequest request = spelling.apply(c.request().apply(data));
        Answer answer = data.gateway().send(request, data.token(role));
        Expect expected = c.expected().get(role);
        if (!expected.matches(answer.status())) {
            fail(role.label() + ": " + request + " should answer " + expected.label() + " but answered " + answer.describe());
        }
        if (expected != Expect.ALLOWED) {
            assertThat(answer.contentType()).as("content type of a refusal: " + answer.describe()).startsWith("application/problem+json");
            assertThat(answer.body()).as("a refusal carries none of the learner's records")
                    .doesNotContain("\"learnerId\":\"" + data.selfLearner() + "\"");
        }
        c.alsoCheck().accept(role, answer);
    }

    // ---- the matrix -------------------------------------------------------------------------------------------

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String catalog = "/api/v1/catalog";
        String credits = "/api/v1/credits/learners/{learnerId}/credits";
        String compliance = "/api/v1/compliance";

        add(cases, "GET /api/v1/me/dashboard", "the caller's own dashboard", d -> get("/api/v1/me/dashboard"), learnersOnly());
        add(cases, "POST /dev/tokens", "the local token mint, absent in production", d -> ApiRequest.of("POST", "/dev/tokens")
                .json("{\"sub\":\"mx-minted\",\"groups\":[\"learner\"]}"), everyone());

        // catalog: read by anyone signed in, written by curators and admins, a provider writes its own drafts
        add(cases, "GET " + catalog + "/courses", "search published courses", d -> get(catalog + "/courses?limit=5"), signedIn());
        add(cases, "POST " + catalog + "/courses", "a draft for the own provider", d -> ApiRequest.of("POST", catalog + "/courses")
                .json(d.courseBody(d.ownProvider()).toString()), with(catalogWriters(), Role.PROVIDER_OWN, Expect.ALLOWED));
        add(cases, "GET " + catalog + "/courses/{id}", "a published course", d -> get(catalog + "/courses/" + d.publishedCourse(d.ownProvider()).id()), signedIn());
        add(cases, "GET " + catalog + "/courses/{id}", "a draft of the own provider", d -> get(catalog + "/courses/" + d.draftCourse(d.ownProvider()).id()), draftReaders());
        add(cases, "PUT " + catalog + "/courses/{id}", "a draft of the own provider", d -> {
            SuiteData.Created draft = d.draftCourse(d.ownProvider());
            return ApiRequest.of("PUT", catalog + "/courses/" + draft.id()).header("If-Match", draft.etag())
                    .json(d.courseBody(d.ownProvider()).toString());
        }, with(with(catalogWriters(), Role.PROVIDER_OWN, Expect.ALLOWED), Role.PROVIDER_OTHER, Expect.NOT_FOUND));
        add(cases, "PUT " + catalog + "/courses/{id}", "a published course of the own provider", d -> {
            SuiteData.Created course = d.publishedCourse(d.ownProvider());
            return ApiRequest.of("PUT", catalog + "/courses/" + course.id()).header("If-Match", course.etag())
                    .json(d.courseBody(d.ownProvider()).toString());
        }, catalogWritersWithProviders(Expect.FORBIDDEN, Expect.FORBIDDEN));
        add(cases, "POST " + catalog + "/courses/{id}/publish", "a draft of the own provider", d -> {
            SuiteData.Created draft = d.draftCourse(d.ownProvider());
            return ApiRequest.of("POST", catalog + "/courses/" + draft.id() + "/publish").header("If-Match", draft.etag());
        }, catalogWriters());
        add(cases, "GET " + catalog + "/courses/{id}/quality", "a published course", d -> get(catalog + "/courses/" + d.publishedCourse(d.ownProvider()).id() + "/quality"), signedIn());
        add(cases, "GET " + catalog + "/courses/{id}/quality", "a draft of the own provider", d -> get(catalog + "/courses/" + d.draftCourse(d.ownProvider()).id() + "/quality"), draftReaders());
        add(cases, "POST " + catalog + "/courses/{id}/retire", "a published course of the own provider", d -> {
            SuiteData.Created course = d.publishedCourse(d.ownProvider());
            return ApiRequest.of("POST", catalog + "/courses/" + course.id() + "/retire").header("If-Match", course.etag());
        }, catalogWriters());
        add(cases, "GET " + catalog + "/providers", "list providers", d -> get(catalog + "/providers?limit=5"), signedIn());
        add(cases, "POST " + catalog + "/providers", "a new provider", d -> ApiRequest.of("POST", catalog + "/providers")
                .json(d.example("POST", catalog + "/providers").put("name", d.uniqueName("Matrix provider")).toString()), catalogWriters());
        add(cases, "GET " + catalog + "/providers/{id}", "the own provider", d -> get(catalog + "/providers/" + d.ownProvider()), signedIn());
        add(cases, "PUT " + catalog + "/providers/{id}", "a provider's own record", d -> {
            SuiteData.Created provider = d.provider();
            return ApiRequest.of("PUT", catalog + "/providers/" + provider.id()).header("If-Match", provider.etag())
                    .json(d.example("POST", catalog + "/providers").put("name", d.uniqueName("Renamed provider")).toString());
        }, catalogWriters());

        // credits: a learner's own ledger; a provider reports completions of its own courses only
        add(cases, "POST /api/v1/credits/completion-reports", "a completion of the own provider's course", d -> {
            SuiteData.Created course = d.publishedCourse(d.ownProvider());
            d.awaitCourseKnownToCredits(course.id());
            return ApiRequest.of("POST", "/api/v1/credits/completion-reports").json("[{\"rowId\":\"" + UUID.randomUUID()
                    + "\",\"courseId\":\"" + course.id() + "\",\"learnerId\":\"" + d.selfLearner() + "\",\"completedOn\":\"2025-06-01\"}]");
        }, reporters(), AuthorizationMatrixTest::onlyTheOwnProviderOrAnAdminGetsTheRowAccepted);
        add(cases, "POST " + credits, "a credit for the learner", d -> ApiRequest.of("POST", ledger(d) + "")
                .header("Idempotency-Key", UUID.randomUUID().toString()).json(d.creditBody().toString()), learnerRecords());
        add(cases, "GET " + credits, "the learner's ledger", d -> get(ledger(d)), learnerRecords());
        add(cases, "GET " + credits + "/{creditId}", "a credit of the learner", d -> get(ledger(d) + "/" + d.credit(d.selfLearner()).id()), learnerRecords());
        add(cases, "GET " + credits + "/{creditId}", "another learner's credit id under the learner's path", d -> get(ledger(d) + "/" + d.credit(d.otherLearner()).id()),
                with(learnerRecords(), Role.LEARNER_SELF, Expect.NOT_FOUND, Role.ADMIN, Expect.NOT_FOUND));
        add(cases, "POST " + credits + "/{creditId}/corrections", "a credit of the learner", d -> correction(d, d.selfLearner()), learnerRecords());
        add(cases, "POST " + credits + "/{creditId}/corrections", "another learner's credit id under the learner's path", d -> correction(d, d.otherLearner()),
                with(learnerRecords(), Role.LEARNER_SELF, Expect.NOT_FOUND, Role.ADMIN, Expect.NOT_FOUND));
        add(cases, "DELETE " + credits + "/{creditId}", "a credit of the learner", d -> revocation(d, d.selfLearner()), learnerRecords());
        add(cases, "DELETE " + credits + "/{creditId}", "another learner's credit id under the learner's path", d -> revocation(d, d.otherLearner()),
                with(learnerRecords(), Role.LEARNER_SELF, Expect.NOT_FOUND, Role.ADMIN, Expect.NOT_FOUND));
        add(cases, "GET /api/v1/credits/learners/{learnerId}/transcript", "the learner's transcript",
                d -> get("/api/v1/credits/learners/" + d.selfLearner() + "/transcript"), learnerRecords());

        // compliance: a learner's own status, plans and certifications; operations for admins
        add(cases, "POST " + compliance + "/admin/projections/rebuild", "start a rebuild", d -> ApiRequest.of("POST", compliance + "/admin/projections/rebuild"),
                adminOnly(), (role, answer) -> {
                    if (role == Role.ADMIN) {
                        awaitRebuildDone(); // other tests in this JVM must not meet a rebuild under way
                    }
                });
        add(cases, "GET " + compliance + "/admin/projections/rebuild", "the last rebuild", d -> get(compliance + "/admin/projections/rebuild"), adminOnly());
        add(cases, "POST " + compliance + "/admin/status-sweep", "sweep now", d -> ApiRequest.of("POST", compliance + "/admin/status-sweep"), adminOnly());
        add(cases, "GET " + compliance + "/credentials", "the credentials", d -> get(compliance + "/credentials"), signedIn());
        add(cases, "GET " + compliance + "/credentials/{code}", "CMA (AAMA)", d -> get(compliance + "/credentials/" + SuiteData.CREDENTIAL), signedIn());
        String learner = compliance + "/learners/{learnerId}";
        add(cases, "GET " + learner + "/certifications", "the learner's certifications", d -> get(learnerPath(d) + "/certifications"), learnerRecords());
        add(cases, "GET " + learner + "/certifications/{credential}", "the learner's CMA (AAMA) history",
                d -> get(learnerPath(d) + "/certifications/" + SuiteData.CREDENTIAL), learnerRecords());
        add(cases, "PUT " + learner + "/certifications/{credential}", "the learner's certification date",
                d -> ApiRequest.of("PUT", learnerPath(d) + "/certifications/" + SuiteData.CREDENTIAL).json("{\"certifiedOn\":\"2022-02-10\"}"), learnerRecords());
        add(cases, "GET " + learner + "/overview", "the learner's statuses and plans", d -> get(learnerPath(d) + "/overview?credential=" + SuiteData.CREDENTIAL), learnerRecords());
        add(cases, "GET " + learner + "/plan", "the learner's plan", d -> get(learnerPath(d) + "/plan?credential=" + SuiteData.CREDENTIAL), learnerRecords());
        add(cases, "GET " + learner + "/status", "the learner's status", d -> get(learnerPath(d) + "/status?credential=" + SuiteData.CREDENTIAL), learnerRecords());
        add(cases, "GET " + learner + "/statuses", "the learner's statuses", d -> get(learnerPath(d) + "/statuses"), learnerRecords());
        add(cases, "GET " + learner + "/recertification-summary", "the learner's recertification summary",
                d -> get(learnerPath(d) + "/recertification-summary?credential=" + SuiteData.CREDENTIAL), learnerRecords());

        // employers: their own organization only (another's answers 404); a learner's status only with consent
        String orgs = compliance + "/organizations";
        add(cases, "GET " + orgs, "the organizations the caller may see", d -> get(orgs),
                with(adminOnly(), Role.EMPLOYER_OWN_ORG, Expect.ALLOWED, Role.EMPLOYER_OTHER_ORG, Expect.ALLOWED));
        add(cases, "POST " + orgs, "a new organization", d -> ApiRequest.of("POST", orgs)
                .json("{\"name\":\"" + d.uniqueName("Matrix clinic") + "\"}"), adminOnly());
        add(cases, "GET " + orgs + "/{orgId}", "the employer's organization", d -> get(orgs + "/" + d.ownOrg()), organizationStaff());
        add(cases, "PUT " + orgs + "/{orgId}/members/{learnerId}", "add a learner to the roster", d -> ApiRequest.of("PUT",
                orgs + "/" + d.ownOrg() + "/members/mx-new-" + UUID.randomUUID().toString().substring(0, 8))
                .json("{\"staffRef\":\"" + d.staffRef() + "\"}"), organizationStaff());
        add(cases, "GET " + orgs + "/{orgId}/members/{learnerId}", "a consenting member", d -> get(orgs + "/" + d.ownOrg() + "/members/" + d.selfLearner()),
                organizationStaff());
        add(cases, "DELETE " + orgs + "/{orgId}/members/{learnerId}", "a member", d -> {
            String leaving = "mx-leaving-" + UUID.randomUUID().toString().substring(0, 8);
            d.member(d.ownOrg(), leaving);
            return ApiRequest.of("DELETE", orgs + "/" + d.ownOrg() + "/members/" + leaving);
        }, organizationStaff());
        add(cases, "GET " + orgs + "/{orgId}/roster", "the roster", d -> get(orgs + "/" + d.ownOrg() + "/roster"), organizationStaff());
        add(cases, "POST " + orgs + "/{orgId}/webhooks", "a new webhook", d -> {
            d.makeRoomForWebhooks(d.ownOrg());
            return ApiRequest.of("POST", orgs + "/" + d.ownOrg() + "/webhooks").json(d.webhookBody());
        }, organizationStaff());
        add(cases, "GET " + orgs + "/{orgId}/webhooks", "the webhooks", d -> get(orgs + "/" + d.ownOrg() + "/webhooks"), organizationStaff());
        add(cases, "GET " + orgs + "/{orgId}/webhooks/{webhookId}", "a webhook", d -> get(orgs + "/" + d.ownOrg() + "/webhooks/" + d.webhook(d.ownOrg())),
                organizationStaff());
        add(cases, "DELETE " + orgs + "/{orgId}/webhooks/{webhookId}", "a webhook", d -> ApiRequest.of("DELETE",
                orgs + "/" + d.ownOrg() + "/webhooks/" + d.webhook(d.ownOrg())), organizationStaff());
        add(cases, "POST " + orgs + "/{orgId}/webhooks/{webhookId}/rotate-secret", "a webhook's secret",
                d -> ApiRequest.of("POST", orgs + "/" + d.ownOrg() + "/webhooks/" + d.webhook(d.ownOrg()) + "/rotate-secret").json("{}"),
                organizationStaff());
        add(cases, "GET " + orgs + "/{orgId}/webhooks/{webhookId}/deliveries", "a webhook's deliveries",
                d -> get(orgs + "/" + d.ownOrg() + "/webhooks/" + d.webhook(d.ownOrg()) + "/deliveries"), organizationStaff());
        add(cases, "POST " + orgs + "/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay", "a delivery that does not exist",
                d -> ApiRequest.of("POST", orgs + "/" + d.ownOrg() + "/webhooks/" + d.webhook(d.ownOrg()) + "/deliveries/" + UUID.randomUUID() + "/replay"),
                with(organizationStaff(), Role.EMPLOYER_OWN_ORG, Expect.NOT_FOUND, Role.ADMIN, Expect.NOT_FOUND));
        add(cases, "POST " + compliance + "/roster-checks", "the consenting learner, naming the organization",
                d -> ApiRequest.of("POST", compliance + "/roster-checks").json("{\"credential\":\"" + SuiteData.CREDENTIAL
                        + "\",\"organizationId\":\"" + d.ownOrg() + "\",\"learnerIds\":[\"" + d.selfLearner() + "\"]}"),
                organizationStaff(), (role, answer) -> assertVisible(role, answer, true));
        add(cases, "POST " + compliance + "/roster-checks", "the consenting learner, by the caller's own organization",
                d -> ApiRequest.of("POST", compliance + "/roster-checks").json("{\"credential\":\"" + SuiteData.CREDENTIAL
                        + "\",\"learnerIds\":[\"" + d.selfLearner() + "\"]}"),
                with(organizationStaff(), Role.EMPLOYER_OTHER_ORG, Expect.ALLOWED, Role.ADMIN, Expect.BAD_REQUEST),
                (role, answer) -> assertVisible(role, answer, role == Role.EMPLOYER_OWN_ORG));
        String consents = learner + "/consents";
        add(cases, "GET " + consents, "the learner's consents", d -> get(learnerPath(d) + "/consents"), learnerRecords());
        add(cases, "POST " + consents, "consent to the learner's organization", d -> ApiRequest.of("POST", learnerPath(d) + "/consents")
                .json("{\"organizationId\":\"" + d.ownOrg() + "\"}"), with(learnerRecords(), Role.ADMIN, Expect.FORBIDDEN));
        add(cases, "DELETE " + consents, "withdraw a consent (body)", d -> {
            d.consent(d.selfLearner(), d.ownOrg());
            return ApiRequest.of("DELETE", learnerPath(d) + "/consents").json("{\"organizationId\":\"" + d.ownOrg() + "\"}");
        }, learnerRecords(), (role, answer) -> data.consent(data.selfLearner(), data.ownOrg()));
        add(cases, "DELETE " + consents + "/{organizationId}", "withdraw a consent (path)", d -> {
            d.consent(d.selfLearner(), d.ownOrg());
            return ApiRequest.of("DELETE", learnerPath(d) + "/consents/" + d.ownOrg());
        }, learnerRecords(), (role, answer) -> data.consent(data.selfLearner(), data.ownOrg()));
        add(cases, "GET " + consents + "/events", "the learner's consent audit", d -> get(learnerPath(d) + "/consents/events"),
                learnerRecords());

        // reminders: each learner their own (the caller's token says whose); admins see what was sent; the unsubscribe
        // link and the calendar address work without a token, and only with what they carry
        String notifications = "/api/v1/notifications";
        add(cases, "GET " + notifications + "/me", "the caller's reminders", d -> get(notifications + "/me"), learnersOnly());
        add(cases, "POST " + notifications + "/me/{id}/read", "mark a reminder that is not the caller's as read",
                d -> ApiRequest.of("POST", notifications + "/me/" + Long.MAX_VALUE + "/read"),
                with(learnersOnly(), Role.LEARNER_SELF, Expect.NOT_FOUND, Role.LEARNER_OTHER, Expect.NOT_FOUND));
        add(cases, "GET " + notifications + "/me/preferences", "the caller's reminder preferences",
                d -> get(notifications + "/me/preferences"), learnersOnly());
        add(cases, "PUT " + notifications + "/me/preferences", "the caller's reminder preferences", d -> ApiRequest.of("PUT",
                notifications + "/me/preferences").json("{\"emailEnabled\":false,\"offsets\":[90,30,7],\"language\":\"en\"}"),
                learnersOnly());
        add(cases, "GET " + notifications + "/me/calendar", "the caller's calendar address", d -> get(notifications + "/me/calendar"),
                learnersOnly());
        add(cases, "POST " + notifications + "/me/calendar/rotate", "a new calendar address",
                d -> ApiRequest.of("POST", notifications + "/me/calendar/rotate"), learnersOnly());
        add(cases, "GET " + notifications + "/calendar/{secret}.ics", "a calendar address nobody was given",
                d -> ApiRequest.of("GET", notifications + "/calendar/no-such-calendar-" + UUID.randomUUID() + ".ics")
                        .header("Accept", "text/calendar"), all(Expect.NOT_FOUND));
        add(cases, "GET " + notifications + "/unsubscribe", "an unsubscribe link with a forged token",
                d -> ApiRequest.of("GET", notifications + "/unsubscribe?token=forged").header("Accept", "text/html"),
                all(Expect.BAD_REQUEST));
        add(cases, "POST " + notifications + "/unsubscribe", "a one-click unsubscribe with a forged token",
                d -> ApiRequest.of("POST", notifications + "/unsubscribe?token=forged"), all(Expect.BAD_REQUEST));
        add(cases, "GET " + notifications + "/admin/sent", "what was sent to a learner",
                d -> get(notifications + "/admin/sent?learnerId=" + d.selfLearner()), adminOnly());
        add(cases, "GET " + notifications + "/employers/{orgId}/digest", "the organization's weekly digest choice",
                d -> get(notifications + "/employers/" + d.ownOrg() + "/digest"), organizationStaff());
        add(cases, "PUT " + notifications + "/employers/{orgId}/digest", "the organization's weekly digest choice",
                d -> ApiRequest.of("PUT", notifications + "/employers/" + d.ownOrg() + "/digest")
                        .json("{\"enabled\":false,\"recipients\":[],\"language\":\"en\"}"), organizationStaff());
        return cases;
    }

    private static void awaitRebuildDone() {
        org.awaitility.Awaitility.await("the projection rebuild started by the matrix")
                .atMost(java.time.Duration.ofMinutes(2))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> {
                    Answer answer = data.gateway().send(get("/api/v1/compliance/admin/projections/rebuild"), data.token(Role.ADMIN));
                    return answer.status() == 200 && !"RUNNING".equals(OpenApiDocument.JSON.readTree(answer.body()).path("state").asText());
                });
    }

    /** A roster check shows the consenting learner's status to their own organization only. */
    private static void assertVisible(Role role, Answer answer, boolean visible) {
        if (answer.status() != 200) {
            return;
        }
        try {
            JsonNode result = OpenApiDocument.JSON.readTree(answer.body()).path("results").path(0);
            assertThat(result.path("visible").asBoolean()).as(role.label() + ": " + answer.describe()).isEqualTo(visible);
            if (!visible) {
                assertThat(result.has("status")).as("an invisible learner's status is not shown: " + answer.describe()).isFalse();
            }
        } catch (IOException e) {
            throw new AssertionError("a roster check's answer is not JSON: " + answer.describe(), e);
        }
    }

    private static void onlyTheOwnProviderOrAnAdminGetsTheRowAccepted(Role role, Answer answer) {
        if (answer.status() != 200) {
            return;
        }
        String status = rowStatus(answer);
        if (role == Role.PROVIDER_OTHER) {
            assertThat(status).as("another provider's course is refused row by row: " + answer.describe()).isEqualTo("REJECTED");
        } else {
            assertThat(status).as(role.label() + " reports its own course: " + answer.describe()).isIn("ACCEPTED", "ALREADY_RECORDED");
        }
    }

    private static String rowStatus(Answer answer) {
        try {
            JsonNode rows = OpenApiDocument.JSON.readTree(answer.body()).path("rows");
            return rows.path(0).path("status").asText();
        } catch (IOException e) {
            throw new AssertionError("a report's answer is not JSON: " + answer.describe(), e);
        }
    }

    private static String ledger(SuiteData d) {
        return "/api/v1/credits/learners/" + d.selfLearner() + "/credits";
    }

    private static String learnerPath(SuiteData d) {
        return "/api/v1/compliance/learners/" + d.selfLearner();
    }

    private static ApiRequest correction(SuiteData d, String owner) {
        SuiteData.Created credit = d.credit(owner);
        return ApiRequest.of("POST", ledger(d) + "/" + credit.id() + "/corrections").header("If-Match", credit.etag())
                .json(d.example("POST", "/api/v1/credits/learners/{learnerId}/credits/{creditId}/corrections").toString());
    }

    private static ApiRequest revocation(SuiteData d, String owner) {
        SuiteData.Created credit = d.credit(owner);
        return ApiRequest.of("DELETE", ledger(d) + "/" + credit.id() + "?reason=entered%20twice").header("If-Match", credit.etag());
    }

    private static ApiRequest get(String pathAndQuery) {
        return ApiRequest.of("GET", pathAndQuery).header("Accept", "application/json");
    }

    private static void add(List<Case> cases, String operation, String scenario, Function<SuiteData, ApiRequest> request,
            Map<Role, Expect> expected) {
        add(cases, operation, scenario, request, expected, (role, answer) -> { });
    }

    private static void add(List<Case> cases, String operation, String scenario, Function<SuiteData, ApiRequest> request,
            Map<Role, Expect> expected, BiConsumer<Role, Answer> alsoCheck) {
        Set<Role> missing = new LinkedHashSet<>(List.of(Role.values()));
        missing.removeAll(expected.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException(operation + ": no expectation for " + missing);
        }
        cases.add(new Case(operation, scenario, request, expected, alsoCheck));
    }

    // ---- who may: DESIGN.md "Security" and the services' READMEs --------------------------------------------

    private static Map<Role, Expect> all(Expect expect) {
        Map<Role, Expect> map = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            map.put(role, expect);
        }
        return map;
    }

    private static Map<Role, Expect> with(Map<Role, Expect> base, Object... roleThenExpect) {
        Map<Role, Expect> map = new EnumMap<>(base);
        for (int i = 0; i < roleThenExpect.length; i += 2) {
            map.put((Role) roleThenExpect[i], (Expect) roleThenExpect[i + 1]);
        }
        return map;
    }

    /** The dev token mint: open to anyone where it exists at all. */
    private static Map<Role, Expect> everyone() {
        return all(Expect.ALLOWED);
    }

    private static Map<Role, Expect> signedIn() {
        return with(all(Expect.ALLOWED), Role.ANONYMOUS, Expect.UNAUTHORIZED);
    }

    private static Map<Role, Expect> learnersOnly() {
        return with(all(Expect.FORBIDDEN), Role.ANONYMOUS, Expect.UNAUTHORIZED,
                Role.LEARNER_SELF, Expect.ALLOWED, Role.LEARNER_OTHER, Expect.ALLOWED);
    }

    private static Map<Role, Expect> adminOnly() {
        return with(all(Expect.FORBIDDEN), Role.ANONYMOUS, Expect.UNAUTHORIZED, Role.ADMIN, Expect.ALLOWED);
    }

    private static Map<Role, Expect> catalogWriters() {
        return with(adminOnly(), Role.CURATOR, Expect.ALLOWED);
    }

    private static Map<Role, Expect> catalogWritersWithProviders(Expect own, Expect other) {
        return with(catalogWriters(), Role.PROVIDER_OWN, own, Role.PROVIDER_OTHER, other);
    }

    /** A draft is seen by curators, admins and its own provider; to everyone else it does not exist. */
    private static Map<Role, Expect> draftReaders() {
        return with(all(Expect.NOT_FOUND), Role.ANONYMOUS, Expect.UNAUTHORIZED,
                Role.PROVIDER_OWN, Expect.ALLOWED, Role.CURATOR, Expect.ALLOWED, Role.ADMIN, Expect.ALLOWED);
    }

    /** An organization's records: its employers and admins; another organization's employer 404. */
    private static Map<Role, Expect> organizationStaff() {
        return with(adminOnly(), Role.EMPLOYER_OWN_ORG, Expect.ALLOWED, Role.EMPLOYER_OTHER_ORG, Expect.NOT_FOUND);
    }

    /** Completion reports: providers (row by row, their own courses only) and admins. */
    private static Map<Role, Expect> reporters() {
        return with(adminOnly(), Role.PROVIDER_OWN, Expect.ALLOWED, Role.PROVIDER_OTHER, Expect.ALLOWED);
    }

    /** A learner's records: the learner and admins; another learner 404; employers, providers, curators 403. */
    private static Map<Role, Expect> learnerRecords() {
        return with(adminOnly(), Role.LEARNER_SELF, Expect.ALLOWED, Role.LEARNER_OTHER, Expect.NOT_FOUND);
    }
}
