package org.recert.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak ({@code org.keycloak:keycloak-quarkus-dist}, dev mode, in-memory database) on 127.0.0.1 with the
 * {@code recert} realm imported from this module's resources: the demo users of docs/contracts.md, their roles and
 * {@code org}/{@code provider} claims, the {@code recert-web} client (code flow with PKCE) and the
 * {@code recert-scripts} client (password grant).
 *
 * <p>The distribution is unzipped once into {@code ~/.cache/recert/keycloak-<version>} (or the system property
 * {@code recert.keycloak.cache}) and shared by every run. Dev mode keeps its database in memory and imports the realm
 * from the distribution's {@code data/import}, where the realm file, with this run's web origins, is written just
 * before each start (so two suites starting in the same second would share one run's origins). Keycloak runs under a
 * small shell holding our pipe on its stdin: when this JVM dies, even by {@code kill -9}, the pipe closes and the
 * shell stops Keycloak.
 */
public final class KeycloakServer implements AutoCloseable {

    /** The realm Recert's tokens come from. */
    public static final String REALM = "recert";
    /** The password of every demo user of the realm (local suites only). */
    public static final String DEMO_PASSWORD = "recert-demo";
    /** The audience the realm puts into its tokens, which Recert requires. */
    public static final String AUDIENCE = "recert";
    /** The public client of the web app (authorization code flow with PKCE). */
    public static final String WEB_CLIENT = "recert-web";
    /** The public client of scripts and tests (password grant). */
    public static final String SCRIPTS_CLIENT = "recert-scripts";
    /** Where the realm lists its roles in a token. */
    public static final String ROLES_CLAIM_PATH = "realm_access/roles";

    static final String PID_FILE = "keycloak.pid";
    static final String COMMAND_MARKER = "keycloak";
    private static final String DISTRIBUTION_LISTING = "META-INF/recert/keycloak/distribution.txt";
    private static final String REALM_RESOURCE = "META-INF/recert/keycloak/recert-realm.json";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    // stops Keycloak when our pipe to its stdin closes, and forwards a SIGTERM to it
    private static final String LIFELINE = String.join("\n",
            "exec 3<&0",
            "\"$@\" < /dev/null &",
            "kc=$!",
            "trap 'kill -TERM $kc 2>/dev/null; wait $kc; exit 143' TERM INT",
            "( cat <&3 > /dev/null; kill -TERM $kc 2>/dev/null ) &",
            "watcher=$!",
            "wait $kc",
            "status=$?",
            "kill $watcher 2>/dev/null",
            "exit $status");

    private final int port;
    private final Path log;
    private final long startedNanos;
    private double startSeconds;
    private Process process;
    private OutputStream lifeline;

    private KeycloakServer(int port, Path log, long startedNanos) {
        this.port = port;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts Keycloak on {@code port} (0: a free one) and waits until the realm answers its discovery document.
     *
     * @param runDirectory where its log and pid file go
     * @param webUrls the origins the web app is reached at (redirect and post-logout URIs of {@code recert-web})
     */
    public static KeycloakServer start(Path runDirectory, int port, List<String> webUrls) {
        long started = System.nanoTime();
        Path home = distribution();
        int chosen = port == 0 ? FreePort.pick() : port;
        KeycloakServer server = new KeycloakServer(chosen, runDirectory.resolve("keycloak.log"), started);
        try {
            server.launch(home, runDirectory, webUrls);
            server.awaitReady();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The realm's issuer, as its tokens carry it in {@code iss}. */
    public String issuer() {
        return issuerAt(port);
    }

    /** The realm's signing keys (JWKS). */
    public String jwksUrl() {
        return jwksAt(port);
    }

    /** The issuer of a Keycloak of this class on {@code port}: known before it has started. */
    static String issuerAt(int port) {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    static String jwksAt(int port) {
        return issuerAt(port) + "/protocol/openid-connect/certs";
    }

    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public Path log() {
        return log;
    }

    /** Seconds from {@link #start} until the realm answered. */
    public double startSeconds() {
        return startSeconds;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** An access token of a demo user through the scripts client's password grant (raw JSON answer's token). */
    public String passwordGrant(String username, String password) {
        String form = "grant_type=password&client_id=" + SCRIPTS_CLIENT + "&username=" + encode(username)
                + "&password=" + encode(password) + "&scope=openid";
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the password grant of " + username + ": "
                        + response.statusCode() + " " + response.body());
            }
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not answer the password grant", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void launch(Path home, Path runDirectory, List<String> webUrls) {
        writeRealm(home, webUrls);
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", LIFELINE, "keycloak-lifeline",
                home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname=" + url(),
                "--http-management-port=" + FreePort.pick(),
                "--db=dev-mem", "--import-realm", "--cache=local"));
        try {
            Files.createDirectories(runDirectory);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectOutput(log.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            // the master realm's admin is not needed by Recert: a password nobody knows
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", UUID.randomUUID().toString());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            process = builder.start();
            lifeline = process.getOutputStream();
            Files.writeString(runDirectory.resolve(PID_FILE), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak from " + home, e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready. Last lines of " + log + ":\n" + tail(40));
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startSeconds = (System.nanoTime() - startedNanos) / 1e9;
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }
        throw new IllegalStateException("Keycloak was not ready after " + READY_TIMEOUT.toSeconds() + " s (GET "
                + discovery.uri() + "). Last lines of " + log + ":\n" + tail(40));
    }

    /** Stops Keycloak (SIGTERM to the lifeline shell, which passes it on; SIGKILL after the grace) and its watcher. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        if (process.isAlive()) {
            process.toHandle().destroy();
            try {
                if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    tree.forEach(ProcessHandle::destroyForcibly);
                    process.toHandle().destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tree.forEach(ProcessHandle::destroyForcibly);
            }
        }
        try {
            // the watcher reading this pipe ends with it
            lifeline.close();
        } catch (IOException ignored) {
            // gone already
        }
        for (ProcessHandle child : tree) {
            try {
                child.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                child.destroyForcibly();
            }
        }
        process = null;
    }

    String tail(int lines) {
        return ServiceProcess.tail(log, lines);
    }

    /** The realm file with the web app's origins filled in, where {@code --import-realm} reads it. */
    private static void writeRealm(Path home, List<String> webUrls) {
        if (webUrls.isEmpty()) {
            throw new IllegalArgumentException("the web app needs at least one origin");
        }
        String realm = LocalTokens.readResource(REALM_RESOURCE);
        for (int i = 0; i < 2; i++) {
            realm = realm.replace("${RECERT_WEB_URLS_" + i + "}", webUrls.get(Math.min(i, webUrls.size() - 1)));
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Path temporary = Files.createTempFile(imports, "recert-realm", ".tmp");
            Files.writeString(temporary, realm, StandardCharsets.UTF_8);
            Files.move(temporary, imports.resolve("recert-realm.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the realm into " + home, e);
        }
    }

    /** The unzipped distribution, unzipping it the first time (into a temporary folder, then renamed). */
    static Path distribution() {
        Path zip = Path.of(LocalTokens.readResource(DISTRIBUTION_LISTING).trim());
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("no Keycloak distribution at " + zip + ": build devstack/keycloak first");
        }
        String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path cache = Path.of(System.getProperty("recert.keycloak.cache",
                Path.of(System.getProperty("user.home"), ".cache", "recert").toString()));
        Path home = cache.resolve(name);
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path partial = cache.resolve(name + ".unzipping-" + ProcessHandle.current().pid());
        try {
            RunDirectory.deleteRecursively(partial);
            Files.createDirectories(partial);
            unzip(zip, partial);
            Path top = partial.resolve(topFolder(partial));
            try {
                Files.move(top, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                // another JVM unzipped it at the same time: use theirs
                if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                    throw raced;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unzip " + zip + " into " + cache, e);
        } finally {
            RunDirectory.deleteRecursively(partial);
        }
        return home;
    }

    private static String topFolder(Path unzipped) throws IOException {
        try (var entries = Files.list(unzipped)) {
            List<Path> all = entries.toList();
            if (all.size() != 1) {
                throw new IOException("expected one top folder in the Keycloak zip, found " + all);
            }
            return all.get(0).getFileName().toString();
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("zip entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.copy(entries, file, StandardCopyOption.REPLACE_EXISTING);
                if (entry.getName().endsWith(".sh")) {
                    // zip entries carry no permissions for java.util.zip
                    file.toFile().setExecutable(true);
                }
            }
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
