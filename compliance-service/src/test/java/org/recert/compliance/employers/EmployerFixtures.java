package org.recert.compliance.employers;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.recert.platform.security.DevTokens;

/** Tokens and the few calls every employer test starts with. */
@ApplicationScoped
public class EmployerFixtures {

    private final DevTokens tokens;

    public EmployerFixtures(DevTokens tokens) {
        this.tokens = tokens;
    }

    public RequestSpecification admin() {
        return as("ops", Set.of("admin"), null);
    }

    public RequestSpecification employerOf(String organizationId) {
        return as("hr-" + organizationId.substring(0, 8), Set.of("employer"), organizationId);
    }

    public RequestSpecification learner(String learnerId) {
        return as(learnerId, Set.of("learner"), null);
    }

    public RequestSpecification as(String subject, Set<String> groups, String organization) {
        return given().auth().oauth2(tokens.mint(subject, groups, organization, null, Duration.ofMinutes(30)))
                .contentType(ContentType.JSON);
    }

    public String createOrganization(String name) {
        return admin().body(Map.of("name", name)).post("/api/v1/compliance/organizations")
                .then().statusCode(201).extract().path("id");
    }

    public void addMember(String organizationId, String learnerId, String staffRef) {
        employerOf(organizationId).body(staffRef == null ? Map.of() : Map.of("staffRef", staffRef))
                .put("/api/v1/compliance/organizations/" + organizationId + "/members/" + learnerId)
                .then().statusCode(201);
    }

    public void consent(String learnerId, String organizationId) {
        learner(learnerId).body(Map.of("organizationId", organizationId))
                .post("/api/v1/compliance/learners/" + learnerId + "/consents")
                .then().statusCode(201);
    }

    /** Subscribes {@code receiver} to the organization's status changes and lets it verify their signatures. */
    public void subscribeToStatusChanges(String organizationId, WebhookReceiver receiver) {
        String secret = employerOf(organizationId).body(Map.of("url", receiver.url(), "events", java.util.List.of("compliance.status.changed")))
                .post("/api/v1/compliance/organizations/" + organizationId + "/webhooks").then().statusCode(201).extract().path("secret");
        receiver.verifyingWith(secret);
    }

    public static String uniqueLearner(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
