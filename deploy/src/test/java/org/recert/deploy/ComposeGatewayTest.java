package org.recert.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The gateway as docker-compose.yml configures it, without Docker: its fast-jar (what the image runs) started with
 * the compose environment, the container paths of the mounted keys mapped to their files in the repository.
 */
class ComposeGatewayTest {

    private static final Path APP = ServiceModule.named("gateway").dir().resolve("target/quarkus-app/quarkus-run.jar");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z0-9_]+):-([^}]*)}");

    @Test
    void shouldMintDemoTokensThatTheGatewayAcceptsWithTheComposeSettings() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(APP),
                "SKIPPED: " + APP + " is not built (./mvnw verify builds it before this module)");
        Map<String, Object> gateway = Yaml.map(Yaml.at(Yaml.load(Repo.read(Repo.path("docker-compose.yml"))),
                "services", "gateway"));
        int port = freePort();
        Path log = Path.of("target/compose-gateway.log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", APP.toString())
                .directory(APP.getParent().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("RECERT_") || k.startsWith("MP_")
                || k.startsWith("SMALLRYE_"));
        Yaml.map(gateway.get("environment")).forEach((name, value) ->
                env.put(name, onHost(resolveDefaults(String.valueOf(value)), Yaml.list(gateway.get("volumes")))));
        // No services behind it: the dashboard reports them unavailable, which is enough to prove the token works
        env.replaceAll((name, value) -> name.startsWith("RECERT_GATEWAY_SERVICES_") ? "http://127.0.0.1:1" : value);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));

        Process process = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            awaitStarted(http, port, process);

            HttpResponse<String> minted = http.send(HttpRequest.newBuilder(uri(port, "/dev/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"maria\",\"groups\":[\"learner\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
            String token = minted.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");

            HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(uri(port, "/api/v1/me/dashboard"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> withoutToken = http.send(HttpRequest.newBuilder(uri(port, "/api/v1/me/dashboard"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
            assertThat(withoutToken.statusCode()).isEqualTo(401);
        } finally {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    /** What docker-compose does with ${NAME:-default} when NAME is unset. */
    private static String resolveDefaults(String value) {
        Matcher matcher = DEFAULTED.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(2)));
        }
        return matcher.appendTail(out).toString();
    }

    /** A file: location inside the container, as the file it is mounted from. */
    private static String onHost(String value, List<Object> volumes) {
        if (!value.startsWith("file:")) {
            return value;
        }
        String inContainer = value.substring("file:".length());
        return volumes.stream().map(String::valueOf).filter(v -> v.contains(":" + inContainer + ":")).findFirst()
                .map(v -> "file:" + Repo.path(v.substring(0, v.indexOf(':'))))
                .orElseThrow(() -> new AssertionError(inContainer + " is not mounted into the gateway"));
    }

    private static void awaitStarted(HttpClient http, int port, Process process) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(uri(port, "/q/health/started")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the gateway did not start; see target/compose-gateway.log");
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
