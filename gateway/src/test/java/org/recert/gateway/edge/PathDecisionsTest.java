package org.recert.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recert.gateway.support.AllServicesUp;
import org.recert.gateway.support.Tokens;
import org.recert.platform.security.DevTokens;

/**
 * The gateway authenticates, counts and routes on one canonical path, and forwards that path: an encoded or
 * dot-segment spelling of a path is the same path. Requests go through the JDK client, which sends a path as written
 * (rest-assured would encode or normalise it first). The test profile gives the bulk endpoints 2 requests a minute.
 */
@QuarkusTest
@TestProfile(AllServicesUp.class)
class PathDecisionsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    DevTokens devTokens;

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldCheckTheTokenOnAnEncodedApiPath() throws Exception {
        HttpResponse<String> anonymous = send("GET", "/%61pi/v1/catalog/courses", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> learner = send("GET", "/%61pi/v1/catalog/courses", Tokens.learner(devTokens, Tokens.uniqueSubject("maria")));
        assertThat(learner.statusCode()).isEqualTo(200);
        assertThat(learner.headers().firstValue("RateLimit-Policy")).hasValue("\"catalog\";q=600;w=60");
    }

    @Test
    void shouldCountAnEncodedServicePathInItsServiceGroup() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/%63atalog/courses", Tokens.learner(devTokens, Tokens.uniqueSubject("maria")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"catalog\";q=600;w=60");
    }

    @Test
    void shouldSpendTheBulkBudgetWhateverTheSpellingOfTheBulkPath() throws Exception {
        String token = Tokens.withGroups(devTokens, Tokens.uniqueSubject("hr"), "employer");
        HttpResponse<String> encoded = send("POST", "/api/v1/compliance/%72oster-checks", token);
        assertThat(encoded.statusCode()).isEqualTo(200);
        assertThat(encoded.headers().firstValue("RateLimit-Policy")).hasValue("\"bulk\";q=2;w=60");
        assertThat(send("POST", "/api/v1/catalog/../compliance/roster-checks", token).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = send("POST", "/api/v1/compliance/./%72%6F%73ter-checks", token);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"bulk\";q=2;w=60");
    }

    @Test
    void shouldForwardTheCanonicalPathAndTheQueryAsItCame() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/credits/x/../%65cho?q=a%20b&n=1", Tokens.learner(devTokens, Tokens.uniqueSubject("maria")));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject echo = new JsonObject(response.body());
        assertThat(echo.getString("service")).isEqualTo("credits");
        assertThat(echo.getString("uri")).isEqualTo("/api/v1/credits/echo?q=a%20b&n=1");
    }

    @Test
    void shouldPutThePlanAndTheDashboardInTheExpensiveBudget() throws Exception {
        String subject = Tokens.uniqueSubject("maria");
        String token = Tokens.learner(devTokens, subject);
        HttpResponse<String> plan = send("GET", "/api/v1/compliance/learners/" + subject + "/plan?credential=CMA_AAMA", token);
        assertThat(plan.statusCode()).isEqualTo(200);
        assertThat(plan.headers().firstValue("RateLimit-Policy")).hasValue("\"expensive\";q=30;w=60");
        HttpResponse<String> dashboard = send("GET", "/api/v1/me/%64ashboard", token);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.headers().firstValue("RateLimit-Policy")).hasValue("\"expensive\";q=30;w=60");
        assertThat(dashboard.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"expensive\";r=28;");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/catalog/courses%2F..%2F..%2Fcredits%2Fecho", "/api/v1/catalog%5Cecho", "/api/v1/catalog/echo%00",
            "/api/v1/../../../api/v1/catalog/echo", "/api/v1/compliance/roster-checks;x=1" })
    void shouldRefuseAPathAServiceCouldReadOtherwise(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, Tokens.learner(devTokens, Tokens.uniqueSubject("maria")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("/problems/bad-path");
        assertThat(problem.getString("field")).isEqualTo("path");
    }

    @Test
    void shouldRefuseAMalformedEscape() throws Exception {
        // the JDK client will not send it: write the request line by hand
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.getOutputStream().write(("GET /api/v1/catalog/echo%zz HTTP/1.1\r\nHost: " + root.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // Vert.x refuses it before any route runs (a bare 400); CanonicalPath would refuse it after
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + root.getHost() + ":" + root.getPort() + pathAndQuery))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
