package org.recert.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.recert.gateway.support.TightAnonymousBudget;

@QuarkusTest
@TestProfile(TightAnonymousBudget.class)
class AnonymousRateLimitTest {

    @Test
    void shouldRateLimitGuessedTokensByAddress() {
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer guess-" + i)
                    .when().get("/api/v1/credits/echo")
                    .then().statusCode(401);
        }
        given().header("Authorization", "Bearer guess-3")
                .when().get("/api/v1/credits/echo")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("RateLimit-Policy", "\"anonymous\";q=2;w=60")
                .body("status", equalTo(429));
    }

    @Test
    void shouldCountEachCallerBehindATrustedIngressByTheAddressItForwards() {
        String caller = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer guess-" + i).header("X-Forwarded-For", "6.6.6.6, " + caller)
                    .when().get("/api/v1/credits/echo")
                    .then().statusCode(401);
        }
        given().header("Authorization", "Bearer guess-3").header("X-Forwarded-For", caller)
                .when().get("/api/v1/credits/echo")
                .then().statusCode(429);
        // another caller behind the same ingress has a budget of its own, whatever it claims further left
        given().header("Authorization", "Bearer guess-4").header("Forwarded", "for=" + caller + ", for=198.51.100.77")
                .when().get("/api/v1/credits/echo")
                .then().statusCode(401);
    }
}
