package org.recert.system.api;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.recert.devstack.Database;
import org.recert.devstack.Suite;

/**
 * The identities and records of one API conformance run, made through the gateway by an admin: two learners with a
 * CMA (AAMA) certification, two providers, and on demand courses, credits and providers. Every id is new to the run,
 * so the tests neither depend on demo data nor disturb it.
 */
final class SuiteData {

    static final String CREDENTIAL = "CMA_AAMA";

    private final Suite suite;
    private final Gateway gateway;
    private final OpenApiDocument document;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger sequence = new AtomicInteger();
    private final String fixtureToken;
    private final String selfLearner = "mx-self-" + run;
    private final String otherLearner = "mx-other-" + run;
    private final String ownOrg;
    private final String otherOrg;
    private final String ownProvider;
    private final String otherProvider;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);

    SuiteData(Suite suite, Gateway gateway, OpenApiDocument document) {
        this.suite = suite;
        this.gateway = gateway;
        this.document = document;
        this.fixtureToken = suite.token("mx-fixture-" + run, Set.of("admin"), null, null);
        this.ownProvider = provider().id();
        this.otherProvider = provider().id();
        certify(selfLearner);
        certify(otherLearner);
        this.ownOrg = organization();
        this.otherOrg = organization();
        tokens.put(Role.LEARNER_SELF, suite.token(selfLearner, Set.of("learner"), null, null));
        tokens.put(Role.LEARNER_OTHER, suite.token(otherLearner, Set.of("learner"), null, null));
        tokens.put(Role.EMPLOYER_OWN_ORG, suite.token("mx-hr-" + run, Set.of("employer"), ownOrg, null));
        tokens.put(Role.EMPLOYER_OTHER_ORG, suite.token("mx-hr-other-" + run, Set.of("employer"), otherOrg, null));
        tokens.put(Role.PROVIDER_OWN, suite.token("mx-prov-" + run, Set.of("provider"), null, ownProvider));
        tokens.put(Role.PROVIDER_OTHER, suite.token("mx-prov-other-" + run, Set.of("provider"), null, otherProvider));
        tokens.put(Role.CURATOR, suite.token("mx-curator-" + run, Set.of("curator"), null, null));
        tokens.put(Role.ADMIN, suite.token("mx-admin-" + run, Set.of("admin"), null, null));
        // the learner is on the own organization's roster and consents to it; the other learner is on no roster
        member(ownOrg, selfLearner);
        consent(selfLearner, ownOrg);
    }

    String ownOrg() {
        return ownOrg;
    }

    String organization() {
        return create(ApiRequest.of("POST", "/api/v1/compliance/organizations")
                .json("{\"name\":\"" + uniqueName("Matrix clinic") + "\"}")).id();
    }

    void member(String orgId, String learnerId) {
        Answer answer = gateway.send(ApiRequest.of("PUT", "/api/v1/compliance/organizations/" + orgId + "/members/" + learnerId)
                .json("{\"staffRef\":\"" + staffRef() + "\"}"), fixtureToken);
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException("member " + learnerId + " of " + orgId + ": " + answer.describe());
        }
    }

    String staffRef() {
        return "EMP-" + run + "-" + sequence.incrementAndGet();
    }

    void consent(String learnerId, String orgId) {
        Answer answer = gateway.send(ApiRequest.of("POST", "/api/v1/compliance/learners/" + learnerId + "/consents")
                .json("{\"organizationId\":\"" + orgId + "\"}"), tokens.get(Role.LEARNER_SELF));
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException("consent of " + learnerId + " to " + orgId + ": " + answer.describe());
        }
    }

    String webhookBody() {
        return "{\"url\":\"https://staffing.example.com/recert/events\",\"events\":[\"compliance.status.changed\"]}";
    }

    /** An organization holds at most 10 webhooks: removes all but the newest few before a test adds one. */
    void makeRoomForWebhooks(String orgId) {
        String path = "/api/v1/compliance/organizations/" + orgId + "/webhooks";
        Answer list = gateway.send(ApiRequest.of("GET", path), fixtureToken);
        require(list, 200, "list webhooks of " + orgId);
        try {
            JsonNode items = OpenApiDocument.JSON.readTree(list.body()).path("items");
            for (int i = 0; i < items.size() - 4; i++) {
                gateway.send(ApiRequest.of("DELETE", path + "/" + items.get(i).path("id").asText()), fixtureToken);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("webhooks of " + orgId + ": " + list.describe(), e);
        }
    }

    String webhook(String orgId) {
        makeRoomForWebhooks(orgId);
        return create(ApiRequest.of("POST", "/api/v1/compliance/organizations/" + orgId + "/webhooks").json(webhookBody())).id();
    }

    Suite suite() {
        return suite;
    }

    Gateway gateway() {
        return gateway;
    }

    OpenApiDocument document() {
        return document;
    }

    /** The role's token, or null for {@link Role#ANONYMOUS}. */
    String token(Role role) {
        return tokens.get(role);
    }

    /** An admin token with a subject of its own: rate limits count per subject, so a burst never meets another's. */
    String freshAdminToken() {
        return suite.token("mx-admin-" + run + "-" + sequence.incrementAndGet(), Set.of("admin"), null, null);
    }

    String selfLearner() {
        return selfLearner;
    }

    String otherLearner() {
        return otherLearner;
    }

    String ownProvider() {
        return ownProvider;
    }

    /** A record made for a test: its id and its current ETag. */
    record Created(String id, String etag) {
    }

    /** The request body example the document gives for an operation, as a mutable copy. */
    ObjectNode example(String method, String path) {
        JsonNode example = document.operations().stream()
                .filter(operation -> operation.method().equals(method) && operation.path().equals(path))
                .findFirst()
                .flatMap(operation -> operation.bodyExample("application/json"))
                .orElseThrow(() -> new IllegalStateException("no JSON body example for " + method + " " + path));
        return (ObjectNode) example.deepCopy();
    }

    String uniqueName(String prefix) {
        return prefix + " " + run + "-" + sequence.incrementAndGet();
    }

    Created provider() {
        ObjectNode body = example("POST", "/api/v1/catalog/providers");
        body.put("name", uniqueName("Matrix provider"));
        return create(ApiRequest.of("POST", "/api/v1/catalog/providers").json(body.toString()));
    }

    ObjectNode courseBody(String providerId) {
        ObjectNode body = example("POST", "/api/v1/catalog/courses");
        body.put("providerId", providerId);
        body.put("title", uniqueName("Matrix course"));
        return body;
    }

    Created draftCourse(String providerId) {
        return create(ApiRequest.of("POST", "/api/v1/catalog/courses").json(courseBody(providerId).toString()));
    }

    Created publishedCourse(String providerId) {
        Created draft = draftCourse(providerId);
        Answer answer = gateway.send(ApiRequest.of("POST", "/api/v1/catalog/courses/" + draft.id() + "/publish")
                .header("If-Match", draft.etag()), fixtureToken);
        require(answer, 200, "publish course " + draft.id());
        return new Created(draft.id(), answer.header("ETag"));
    }

    ObjectNode creditBody() {
        return example("POST", "/api/v1/credits/learners/{learnerId}/credits");
    }

    Created credit(String learnerId) {
        return create(ApiRequest.of("POST", "/api/v1/credits/learners/" + learnerId + "/credits")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(creditBody().toString()));
    }

    void certify(String learnerId) {
        Answer answer = gateway.send(ApiRequest.of("PUT", "/api/v1/compliance/learners/" + learnerId + "/certifications/" + CREDENTIAL)
                .json("{\"certifiedOn\":\"2022-02-10\"}"), fixtureToken);
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException("certify " + learnerId + ": " + answer.describe());
        }
    }

    /** Waits until the credits service learned a course from the catalog's events (it checks reports against it). */
    void awaitCourseKnownToCredits(String courseId) {
        await("course " + courseId + " in the credits service's read model")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> count("credits", "select count(*) from course where id = '" + UUID.fromString(courseId) + "'") == 1);
    }

    /** Rows of a table (or any count query) in a service's own database. */
    long count(String database, String countQuery) {
        Database coordinates = suite.database(database);
        try (Connection connection = DriverManager.getConnection(coordinates.jdbcUrl(), coordinates.username(), coordinates.password());
                PreparedStatement statement = connection.prepareStatement(countQuery);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + countQuery + ": " + e.getMessage(), e);
        }
    }

    private Created create(ApiRequest request) {
        Answer answer = gateway.send(request, fixtureToken);
        require(answer, 201, request.toString());
        try {
            String id = OpenApiDocument.JSON.readTree(answer.body()).path("id").asText();
            return new Created(id, answer.header("ETag"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request + " answered a body that is not JSON: " + answer.describe(), e);
        }
    }

    private static void require(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " (fixture) answered " + answer.describe());
        }
    }
}
