package org.recert.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recert.gateway.support.AllServicesUp;
import org.recert.gateway.support.FakeServices;
import org.recert.gateway.support.Tokens;
import org.recert.platform.security.DevTokens;

@QuarkusTest
@TestProfile(AllServicesUp.class)
class RoutingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Inject
    DevTokens devTokens;

    @TestHTTPResource("/")
    URL gateway;

    @ParameterizedTest
    @ValueSource(strings = {"catalog", "credits", "compliance"})
    void shouldRouteEachPrefixToItsServiceWithTheCallersHeaders(String service) {
        String token = Tokens.learner(devTokens, Tokens.uniqueSubject("router"));
        Response response = given().urlEncodingEnabled(false)
                .header("Authorization", token)
                .header("X-Request-Id", "req-" + service)
                .header("traceparent", TRACEPARENT)
                .when().get("/api/v1/" + service + "/echo/items?limit=3&q=a%20b")
                .then().statusCode(200)
                .header("X-Request-Id", "req-" + service)
                .body("service", equalTo(service))
                .body("method", equalTo("GET"))
                .body("uri", equalTo("/api/v1/" + service + "/echo/items?limit=3&q=a%20b"))
                .body("headers.authorization", equalTo(token))
                .body("headers.x-request-id", equalTo("req-" + service))
                // the caller's trace, continued by the gateway's own span
                .body("headers.traceparent", startsWith("00-" + TRACE_ID + "-"))
                .body("headers.traceparent", not(equalTo(TRACEPARENT)))
                .body("headers.x-forwarded-for", notNullValue())
                .extract().response();
        assertThat(response.getHeaders().getValues("X-Request-Id")).hasSize(1);
        assertThat(response.getHeaders().getValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void shouldGiveARequestIdToARequestThatHasNone() {
        String requestId = given().header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("router")))
                .when().get("/api/v1/catalog/echo")
                .then().statusCode(200)
                .extract().header("X-Request-Id");
        assertThat(requestId).isNotBlank();
        given().header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("router")))
                .header("X-Request-Id", "same-id")
                .when().get("/api/v1/catalog/echo")
                .then().body("headers.x-request-id", equalTo("same-id"));
    }

    @Test
    void shouldStartATraceForARequestThatHasNoneAndHandItToTheService() {
        given().header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("router")))
                .when().get("/api/v1/compliance/echo")
                .then().statusCode(200)
                .body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                .body("headers.traceparent", not(startsWith("00-00000000000000000000000000000000")));
    }

    @Test
    void shouldForwardARequestBodyUnchanged() throws Exception {
        byte[] body = new byte[1_000_000];
        new Random(7).nextBytes(body);
        given().header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("router")))
                .contentType("application/octet-stream").body(body)
                .when().post("/api/v1/credits/echo/upload")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("bodyBytes", equalTo(body.length))
                .body("bodySha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))));
    }

    @Test
    void shouldStreamTheAnswerBeforeTheServiceHasFinishedIt() throws Exception {
        String token = Tokens.learner(devTokens, Tokens.uniqueSubject("router"));
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(gateway.toURI().resolve("/api/v1/catalog/stream"))
                .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            // the service holds the rest of its answer until released: a buffering gateway would show nothing yet
            byte[] first = CompletableFuture.supplyAsync(() -> readExactly(body, "first;".length()))
                    .get(5, TimeUnit.SECONDS);
            assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("first;");
            given().header("Authorization", token).when().post("/api/v1/catalog/stream/release").then().statusCode(200);
            String rest = CompletableFuture.supplyAsync(() -> new String(readAll(body), StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
            assertThat(rest).isEqualTo("last");
        }
    }

    @Test
    void shouldPassOnTheChunksOfOneReadAsOneChunk() throws Exception {
        // the service writes each row as a chunk of its own, all at once: the gateway hands on what it read together
        // as one chunk (one write, not one write, flush and TCP segment per row), every byte in order
        Chunked answer = rawGet("/api/v1/compliance/rows", Tokens.learner(devTokens, Tokens.uniqueSubject("router")));
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < FakeServices.ROWS; i++) {
            expected.append(FakeServices.row(i));
        }
        assertThat(answer.status()).startsWith("HTTP/1.1 200");
        assertThat(answer.body()).isEqualTo(expected.toString());
        assertThat(answer.chunks()).as("chunks the client got for the service's " + FakeServices.ROWS)
                .isLessThan(FakeServices.ROWS / 10);
    }

    @Test
    void shouldAnswer504ProblemWhenAServiceStaysSilent() {
        long started = System.nanoTime();
        given().header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("router")))
                .when().get("/api/v1/compliance/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("status", equalTo(504))
                .body("type", equalTo("/problems/gateway-timeout"))
                .body("detail", startsWith("compliance did not answer"))
                .body("instance", equalTo("/api/v1/compliance/slow"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldPassAServicesOwnErrorThrough() {
        given().header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("router")))
                .when().get("/api/v1/catalog/missing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("thing not found"));
    }

    @Test
    void shouldRefuseABodyOverTheLimitWith413Problem() {
        given().header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("router")))
                .contentType("application/octet-stream").body(new byte[3_000_000])
                .when().post("/api/v1/credits/echo/upload")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void shouldRefuseABodyOverTheLimitToTheGatewaysOwnEndpointsWith413Problem() {
        given().contentType("application/json").body(new byte[3_000_000])
                .when().post("/dev/tokens")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void shouldRefuseAnOverlongRequestTargetWith414Problem() {
        given().header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("router")))
                .queryParam("q", "x".repeat(10_000))
                .when().get("/api/v1/catalog/courses")
                .then().statusCode(414)
                .contentType("application/problem+json")
                .body("status", equalTo(414));
        // the connection stays usable: the next request on it is answered
        given().header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("router")))
                .when().get("/api/v1/catalog/missing")
                .then().statusCode(404);
    }

    @Test
    void shouldRefuseAChunkedBodyThatGrowsOverTheLimit() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(gateway.toURI().resolve("/api/v1/credits/echo/upload"))
                .header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("router")))
                // a stream of unknown length goes chunked, with no Content-Length to refuse up front
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[3_000_000])))
                .build();
        int status;
        try {
            status = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException closedWhileSending) {
            // the gateway may close the connection before the client has finished sending: refused all the same
            status = 413;
        }
        assertThat(status).isEqualTo(413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP_1_1", "HTTP_2"})
    void shouldForwardABodyOfUnknownLength(String version) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.valueOf(version)).build();
        byte[] body = new byte[200_000];
        new Random(11).nextBytes(body);
        HttpRequest request = HttpRequest.newBuilder(gateway.toURI().resolve("/api/v1/compliance/echo/upload"))
                .header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("router")))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bodyBytes\":200000")
                .contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
    }

    @Test
    void shouldCutOffAStreamedAnswerThatGrowsOverTheLimit() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(gateway.toURI().resolve("/api/v1/catalog/huge"))
                .header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("router"))).build();
        int received;
        try {
            received = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        } catch (java.io.IOException cutOff) {
            received = -1;
        }
        assertThat(received).as("bytes received of a 3 MB answer over a 2 MB limit").isLessThan(3_000_000);
    }

    @Test
    void shouldAnswerAnUnknownApiPathWith404Problem() {
        given().header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("router")))
                .when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAllowConfiguredOriginsOnly() {
        given().header("Origin", "https://app.recert.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization")
                .when().options("/api/v1/catalog/echo")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.recert.example");
        Response refused = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/catalog/echo")
                .then().extract().response();
        assertThat(refused.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void shouldStayReadyWhateverTheServicesDo() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).time(lessThan(2000L));
    }

    private static byte[] readExactly(InputStream in, int n) {
        try {
            return in.readNBytes(n);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A chunked answer as it came off the wire: its status line, its body and the number of chunks it came in. */
    private record Chunked(String status, String body, int chunks) {
    }

    private Chunked rawGet(String path, String authorization) throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int at = text.indexOf("\r\n\r\n") + 4;
            StringBuilder body = new StringBuilder();
            int chunks = 0;
            while (true) {
                int lineEnd = text.indexOf("\r\n", at);
                int size = Integer.parseInt(text.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                chunks++;
                body.append(text, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return new Chunked(text.substring(0, text.indexOf("\r\n")), body.toString(), chunks);
        }
    }
}
