package org.recert.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.recert.devstack.Database;
import org.recert.devstack.Suite;

/** The calls the system tests make, all through the gateway, as a front end would; and the databases, to count. */
final class Api {

    static final String CMA = "CMA_AAMA";
    /** The demo provider of docs/contracts.md, "AAMA e-Learning Center", and its staff token's claim. */
    static final String DEMO_PROVIDER = "11111111-1111-4111-8111-111111111111";

    static {
        // points are exact decimals: read them as such
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private final Suite suite;

    Api(Suite suite) {
        this.suite = suite;
    }

    /** Every learner the tests of this JVM made up, for the final comparison with a rebuild. */
    static final Set<String> LEARNERS = ConcurrentHashMap.newKeySet();

    /** A learner id no other test uses. */
    static String newLearner(String prefix) {
        String learner = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        LEARNERS.add(learner);
        return learner;
    }

    /** The day the services see as today (they run on this machine's clock, in UTC). */
    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    String learnerToken(String learnerId) {
        return suite.token(learnerId, Set.of("learner"), null, null);
    }

    String adminToken() {
        return suite.token("ops", Set.of("admin"), null, null);
    }

    String curatorToken() {
        return suite.token("cora", Set.of("curator"), null, null);
    }

    String providerToken(String providerId) {
        return suite.token("prov-staff", Set.of("provider"), null, providerId);
    }

    /** A request to the gateway with a bearer token. */
    RequestSpecification as(String token) {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Records the learner's CMA (AAMA) certification date, which starts the cycle. */
    void certify(String learnerId, LocalDate certifiedOn) {
        as(learnerToken(learnerId)).body(Map.of("certifiedOn", certifiedOn.toString()))
                .put("/api/v1/compliance/learners/{id}/certifications/{credential}", learnerId, CMA)
                .then().statusCode(201);
    }

    /** Records a credit as the learner; returns its id. */
    String recordCredit(String learnerId, Map<String, Object> credit) {
        return as(learnerToken(learnerId)).header("Idempotency-Key", UUID.randomUUID().toString()).body(credit)
                .post("/api/v1/credits/learners/{id}/credits", learnerId)
                .then().statusCode(201).extract().path("id");
    }

    JsonPath status(String learnerId) {
        return as(learnerToken(learnerId)).get("/api/v1/compliance/learners/{id}/status?credential=" + CMA, learnerId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The printable recertification summary, as a browser asks for it. */
    String summaryPage(String learnerId) {
        return as(learnerToken(learnerId)).accept("text/html").get("/api/v1/compliance/learners/{id}/recertification-summary?credential="
                + CMA, learnerId).then().statusCode(200).contentType(io.restassured.http.ContentType.HTML).extract().asString();
    }

    JsonPath plan(String learnerId) {
        return as(learnerToken(learnerId)).get("/api/v1/compliance/learners/{id}/plan?credential=" + CMA, learnerId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the learner's status satisfies {@code condition}; returns that status. */
    JsonPath awaitStatus(String learnerId, Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> condition.test(last[0] = status(learnerId)));
        return last[0];
    }

    /** Every credit id the evaluation accounts for, counted or excluded. */
    static Set<String> evaluatedCredits(JsonPath status) {
        Set<String> ids = new HashSet<>(status.getList("counted.creditId", String.class));
        ids.addAll(status.getList("excluded.creditId", String.class));
        return ids;
    }

    /** The points earned toward one requirement (TOTAL, ADMINISTRATIVE, ..., AAMA_APPROVED). */
    static BigDecimal earned(JsonPath status, String requirement) {
        return new BigDecimal(status.getString("requirements.find { it.code == '" + requirement + "' }.earned"));
    }

    /** A credit as a learner enters it. */
    static Map<String, Object> credit(String activityType, String title, LocalDate completedOn, Object amount, String unit,
            String category, String approval, Integer contactMinutes) {
        Map<String, Object> credit = new LinkedHashMap<>();
        credit.put("activityType", activityType);
        credit.put("title", title);
        credit.put("providerName", "System test provider");
        credit.put("completedOn", completedOn.toString());
        credit.put("amount", Map.of("value", amount, "unit", unit));
        credit.put("categories", List.of(Map.of("category", category, "value", amount)));
        credit.put("approval", approval);
        if (contactMinutes != null) {
            credit.put("contactMinutes", contactMinutes);
        }
        return credit;
    }

    /** One AAMA CEU, the smallest credit that counts. */
    static Map<String, Object> oneAamaCeu(String title, String category) {
        return credit("ONLINE_WORKSHOP", title, today().minusMonths(3), 1, "AAMA_CEU", category, "AAMA", 60);
    }

    /** Active credits of a learner in the credits service's ledger. */
    long creditsInLedger(String learnerId) {
        return count("credits", "select count(*) from credit where learner_id = ? and status = 'ACTIVE'", learnerId);
    }

    /** Active credits of a learner in the compliance service's projection of the ledger. */
    long creditsInComplianceProjection(String learnerId) {
        return count("compliance", "select count(*) from learner_credit where learner_id = ? and status = 'ACTIVE'", learnerId);
    }

    private long count(String database, String sql, String learnerId) {
        Database db = suite.database(database);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, learnerId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count in " + database + ": " + e.getMessage(), e);
        }
    }
}
