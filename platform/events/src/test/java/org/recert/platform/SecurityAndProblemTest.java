package org.recert.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;
import org.recert.platform.security.CachingJwtParser;
import org.recert.platform.security.DevTokens;

@QuarkusTest
class SecurityAndProblemTest {

    @Inject
    DevTokens tokens;

    @Inject
    JWTParser parser;

    @Test
    void shouldVerifyBearerTokensWithTheParserThatRemembersVerifiedTokens() {
        assertThat(parser).isInstanceOf(CachingJwtParser.class);
        String token = token("learner-9", "learner");
        given().auth().oauth2(token).get("/api/v1/notes/none-9").then().statusCode(404);
        // recognised from memory the second time, and still the same caller with the same rights
        given().auth().oauth2(token).get("/api/v1/notes/none-9").then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("id", "n9", "body", "b"))
                .post("/api/v1/notes").then().statusCode(200);
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        given().when().get("/api/v1/notes/any")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void shouldAnswer401ToAForgedToken() throws Exception {
        var otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String forged = Jwt.issuer("recert-local").subject("learner-1").groups(Set.of("admin")).sign(otherKey);
        given().auth().oauth2(forged).when().get("/api/v1/notes/any").then().statusCode(401);
    }

    @Test
    void shouldAnswer401ToAnAdminTokenMadeForAnotherApplication() {
        // the trusted issuer and key, the admin role: only the audience says it was not meant for Recert
        String forOtherApp = Jwt.issuer("recert-local").subject("ops").audience("payroll").groups(Set.of("admin"))
                .expiresIn(Duration.ofMinutes(5)).sign();
        given().auth().oauth2(forOtherApp).when().get("/api/v1/notes/any").then().statusCode(401)
                .contentType("application/problem+json");
        String forRecert = Jwt.issuer("recert-local").subject("ops").audience("recert").groups(Set.of("admin"))
                .expiresIn(Duration.ofMinutes(5)).sign();
        given().auth().oauth2(forRecert).when().get("/api/v1/notes/any").then().statusCode(404);
    }

    @Test
    void shouldAnswer403ToATokenWithoutTheRole() {
        given().auth().oauth2(token("someone", "curator")).contentType(ContentType.JSON)
                .body(Map.of("id", "n1", "body", "b"))
                .when().post("/api/v1/notes")
                .then().statusCode(403).contentType("application/problem+json").body("title", equalTo("Forbidden"));
    }

    @Test
    void shouldHideAnotherLearnersRecordAs404() {
        given().auth().oauth2(token("owner-1", "learner")).contentType(ContentType.JSON)
                .body(Map.of("id", "private-1", "body", "mine")).post("/api/v1/notes").then().statusCode(200);

        given().auth().oauth2(token("owner-1", "learner")).get("/api/v1/notes/private-1").then().statusCode(200);
        given().auth().oauth2(token("intruder", "learner")).get("/api/v1/notes/private-1")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token("ops", "admin")).get("/api/v1/notes/private-1").then().statusCode(200);
    }

    @Test
    void shouldNameTheFieldThatFailedValidation() {
        given().auth().oauth2(token("learner-2", "learner")).contentType(ContentType.JSON)
                .body(Map.of("id", "this id is far longer than twenty characters", "body", ""))
                .when().post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("id"))
                .body("errors.field", hasItem("body"))
                .body("requestId", notNullValue());
    }

    @Test
    void shouldAnswerMalformedJsonWithAProblemNotA500() {
        given().auth().oauth2(token("learner-2", "learner")).contentType(ContentType.JSON)
                .body("{\"id\": ")
                .when().post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
    }

    @Test
    void shouldEchoOrIssueARequestId() {
        given().header("X-Request-Id", "abc-123").when().get("/api/v1/notes/any")
                .then().header("X-Request-Id", equalTo("abc-123")).body("requestId", equalTo("abc-123"));
        given().when().get("/api/v1/notes/any")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    private String token(String subject, String role) {
        return tokens.mint(subject, Set.of(role), null, null, Duration.ofMinutes(5));
    }
}
