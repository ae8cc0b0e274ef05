package org.recert.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;
import org.recert.gateway.support.AllServicesUp;
import org.recert.gateway.support.Tokens;
import org.recert.platform.security.DevTokens;

@QuarkusTest
@TestProfile(AllServicesUp.class)
class TokenCheckTest {

    @Inject
    DevTokens devTokens;

    @Test
    void shouldRefuseARequestWithoutATokenWith401Problem() {
        given().when().get("/api/v1/catalog/echo")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("/problems/unauthorized"))
                .body("detail", equalTo("a bearer token is required"))
                .body("instance", equalTo("/api/v1/catalog/echo"));
    }

    @Test
    void shouldLetAnAnonymousCallThroughOnlyOnAPublicPath() {
        // the fake notification service has no such endpoint: its own 404 proves the call got past the gateway
        given().when().post("/api/v1/notifications/unsubscribe?token=t")
                .then().statusCode(404);
        given().when().get("/api/v1/notifications/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAForgedTokenWith401Problem() {
        String genuine = devTokens.mint("maria", java.util.Set.of("learner"), null, null, java.time.Duration.ofMinutes(5));
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"maria\"", "\"ops\"")
                .replace("\"learner\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        given().header("Authorization", "Bearer " + forged)
                .when().get("/api/v1/compliance/echo")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("the bearer token is invalid or expired"));
    }

    @Test
    void shouldRefuseAnAdminTokenMadeForAnotherApplicationWith401Problem() {
        // same issuer, same key, a Recert role: only the audience says it was not meant for Recert
        String forOtherApp = Jwt.issuer("recert-local").subject("ops").audience("payroll").groups(Set.of("admin"))
                .expiresIn(Duration.ofMinutes(5)).sign();
        String withoutAudience = Jwt.issuer("recert-local").subject("ops").groups(Set.of("admin"))
                .expiresIn(Duration.ofMinutes(5)).sign();
        for (String token : new String[] {forOtherApp, withoutAudience}) {
            given().header("Authorization", "Bearer " + token)
                    .when().get("/api/v1/compliance/echo")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("the bearer token is invalid or expired"));
        }
        given().header("Authorization", "Bearer " + Jwt.issuer("recert-local").subject("ops").audience("recert")
                        .groups(Set.of("admin")).expiresIn(Duration.ofMinutes(5)).sign())
                .when().get("/api/v1/compliance/echo")
                .then().statusCode(200);
    }

    @Test
    void shouldRefuseATokenOfAnIssuerItDoesNotTrustWith401Problem() {
        String foreign = Jwt.issuer("https://login.example.org/realms/other").subject("ops").audience("recert")
                .groups(Set.of("admin")).expiresIn(Duration.ofMinutes(5)).sign();
        given().header("Authorization", "Bearer " + foreign)
                .when().get("/api/v1/compliance/echo")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAnExpiredTokenWith401Problem() {
        String expired = devTokens.mint("maria", java.util.Set.of("learner"), null, null, java.time.Duration.ofMinutes(-10));
        given().header("Authorization", "Bearer " + expired)
                .when().get("/api/v1/credits/echo")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseATokenWithoutARecertRoleWith403Problem() {
        given().header("Authorization", Tokens.withGroups(devTokens, Tokens.uniqueSubject("nobody"), "guest"))
                .when().get("/api/v1/catalog/echo")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void shouldRefuseTheDashboardToAnEmployerWith403Problem() {
        given().header("Authorization", Tokens.withGroups(devTokens, Tokens.uniqueSubject("hr"), "employer"))
                .when().get("/api/v1/me/dashboard")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseTheDashboardWithoutATokenWith401Problem() {
        given().when().get("/api/v1/me/dashboard")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }
}
