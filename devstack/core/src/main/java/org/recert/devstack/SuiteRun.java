package org.recert.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One run of the local suite: PostgreSQL and Kafka (durable, on fixed ports), a database per domain service,
 * the domain services started in parallel, then the gateway, each from its built jar with the {@code local}
 * profile. {@link #close()} stops it all in reverse order and is safe to call at any point of a start.
 */
final class SuiteRun implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    static final Duration STOP_GRACE = Duration.ofSeconds(25);

    /**
     * How a run starts its parts.
     *
     * @param demoData the services load the demo data of docs/contracts.md
     * @param durable PostgreSQL syncs to disk (off for tests)
     * @param requireAll fail when a service's jar is missing, instead of starting the others
     * @param extraEnvironment per service key ({@code catalog}, ..., {@code gateway}), set after the launcher's own
     * @param identityProvider start Keycloak with the recert realm, whose tokens the services then trust besides the
     *                         dev key's, and the web app (when built), which signs in through it
     */
    record Launch(boolean demoData, boolean durable, boolean requireAll, Map<String, Map<String, String>> extraEnvironment,
                  List<String> jvmOptions, boolean identityProvider) {

        /** What {@code ./recert up} does. */
        static final Launch LOCAL = new Launch(true, true, false, Map.of(), ServiceProcess.QUICK_START_JVM, true);

        Launch {
            extraEnvironment = Map.copyOf(extraEnvironment);
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    private final SuiteHome home;
    private final SuiteOptions options;
    private final Launch launch;
    private final PrintStream out;
    private final Map<String, Map<String, String>> environments = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final List<ServiceProcess> domainServices = new CopyOnWriteArrayList<>();
    private final List<ServiceProcess> replicas = new CopyOnWriteArrayList<>();
    private final AtomicInteger replicasStarted = new AtomicInteger();
    private final List<SuiteService> missing = new ArrayList<>();
    private volatile DevStack stack;
    private volatile ServiceProcess gateway;
    private volatile ServiceProcess web;
    private volatile KeycloakServer keycloak;
    private volatile MailServer mail;
    private volatile CompletableFuture<KeycloakServer> keycloakStarting = CompletableFuture.completedFuture(null);
    private volatile boolean closed;

    SuiteRun(SuiteHome home, SuiteOptions options, PrintStream out) {
        this(home, options, Launch.LOCAL, out);
    }

    SuiteRun(SuiteHome home, SuiteOptions options, Launch launch, PrintStream out) {
        this.home = home;
        this.options = options;
        this.launch = launch;
        this.out = out;
    }

    /**
     * Starts everything that is built; a missing jar is reported, not fatal. Returns the banner it printed.
     * A {@link #close()} from another thread (Ctrl-C) during the start stops what has started and makes this fail.
     */
    String start() {
        long started = System.nanoTime();
        List<SuiteService> toStart = new ArrayList<>();
        for (SuiteService service : SuiteService.domainServices(options)) {
            (Files.isRegularFile(service.jar(home.root())) ? toStart : missing).add(service);
        }
        SuiteService gatewayService = SuiteService.gateway(options);
        boolean withGateway = Files.isRegularFile(gatewayService.jar(home.root()));
        if (!withGateway) {
            missing.add(gatewayService);
        }
        SuiteService webService = SuiteService.web(options);
        boolean withWeb = launch.identityProvider() && withGateway && Files.isRegularFile(webService.jar(home.root()));
        if (launch.identityProvider() && !withWeb) {
            missing.add(webService);
        }
        if (launch.requireAll() && !missing.isEmpty()) {
            throw new IllegalStateException("not built: " + String.join(", ", missing.stream()
                    .map(service -> home.root().relativize(service.jar(home.root())).toString()).toList())
                    + " (build them with ./mvnw -DskipTests package)");
        }
        for (SuiteService service : missing) {
            out.println("Not built, skipped: " + service.name() + " (no " + home.root().relativize(service.jar(home.root()))
                    + "; build it with ./mvnw -DskipTests install)");
        }
        List<String> busy = busyPorts(toStart, withGateway ? gatewayService : null);
        if (launch.identityProvider()) {
            busy.addAll(busyPorts(Map.of("Keycloak (--keycloak-port, RECERT_KEYCLOAK_PORT)", options.keycloakPort())));
        }
        if (withWeb) {
            busy.addAll(busyPorts(Map.of("web (--web-port, RECERT_WEB_PORT)", options.webPort())));
        }
        busy.addAll(busyPorts(Map.of("SMTP (--smtp-port, RECERT_SMTP_PORT)", options.smtpPort(),
                "IMAP (--imap-port, RECERT_IMAP_PORT)", options.imapPort())));
        if (!busy.isEmpty()) {
            throw new IllegalStateException("port(s) already in use: " + String.join(", ", busy)
                    + ". Stop what uses them, or choose others (./recert help lists the flags and variables).");
        }

        out.printf("Starting PostgreSQL on 127.0.0.1:%d and Kafka on 127.0.0.1:%d%n", options.postgresPort(), options.kafkaPort());
        DevStack startedStack = DevStack.start(home.dir(), options.postgresPort(), options.kafkaPort(), launch.durable());
        synchronized (lock) {
            if (closed) {
                startedStack.close();
                throw new IllegalStateException("stopped while starting");
            }
            stack = startedStack;
        }
        Map<String, Database> databases = new LinkedHashMap<>();
        for (SuiteService service : toStart) {
            databases.put(service.key(), stack.database(service.database()));
        }
        Path keys = copyDevKeys(stack.runDirectory().resolve("keys"));
        out.printf("PostgreSQL and Kafka ready after %.1f s%n", seconds(started));
        MailServer startedMail = MailServer.start(options.smtpPort(), options.imapPort());
        synchronized (lock) {
            if (closed) {
                startedMail.close();
                throw new IllegalStateException("stopped while starting");
            }
            mail = startedMail;
        }
        out.printf("Mail server ready: SMTP on %s:%d, IMAP on %s:%d%n", MailServer.HOST, mail.smtpPort(), MailServer.HOST, mail.imapPort());
        CompletableFuture<KeycloakServer> identity = launch.identityProvider()
                ? startKeycloak(stack.runDirectory(), started) : CompletableFuture.completedFuture(null);

        for (SuiteService service : toStart) {
            Map<String, String> env = commonEnvironment(service, keys);
            Database database = databases.get(service.key());
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
            if (service.key().equals("notifications")) {
                env.putAll(mailEnvironment());
            }
            env.putAll(launch.extraEnvironment().getOrDefault(service.key(), Map.of()));
            environments.put(service.key(), env);
            adopt(ServiceProcess.start(service, service.jar(home.root()), launch.jvmOptions(), env, home.log(service.name())), domainServices::add);
        }
        if (!toStart.isEmpty()) {
            out.println("Starting " + String.join(", ", toStart.stream().map(SuiteService::name).toList())
                    + " (logs in " + home.root().relativize(home.logs()) + "/)");
        }
        awaitReady(domainServices, started);
        awaitKeycloak(identity);

        if (withWeb) {
            Map<String, String> env = commonEnvironment(webService, keys);
            env.put("RECERT_WEB_GATEWAY_URL", "http://127.0.0.1:" + options.gatewayPort());
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
            env.put("QUARKUS_OIDC_CLIENT_ID", KeycloakServer.WEB_CLIENT);
            // seals the session and state cookies; a new one each run signs everybody out, as a restart should
            env.put("RECERT_WEB_SESSION_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
            env.putAll(launch.extraEnvironment().getOrDefault(webService.key(), Map.of()));
            environments.put(webService.key(), env);
            out.println("Starting web");
            adopt(ServiceProcess.start(webService, webService.jar(home.root()), launch.jvmOptions(), env,
                    home.log(webService.name())), process -> web = process);
        }
        if (withGateway) {
            Map<String, String> env = commonEnvironment(gatewayService, keys);
            if (withWeb) {
                env.put("RECERT_GATEWAY_WEB_URL", "http://127.0.0.1:" + options.webPort());
            }
            for (SuiteService service : SuiteService.domainServices(options)) {
                env.put("RECERT_GATEWAY_SERVICES_" + service.key().toUpperCase() + "_URL", "http://127.0.0.1:" + service.port());
            }
            env.put("RECERT_GATEWAY_DEV_TOKENS_ENABLED", "true");
            env.putAll(launch.extraEnvironment().getOrDefault(gatewayService.key(), Map.of()));
            environments.put(gatewayService.key(), env);
            out.println("Starting gateway");
            ServiceProcess startedGateway = ServiceProcess.start(gatewayService, gatewayService.jar(home.root()), launch.jvmOptions(), env,
                    home.log(gatewayService.name()));
            adopt(startedGateway, process -> gateway = process);
            awaitReady(web == null ? List.of(startedGateway) : List.of(web, startedGateway), started);
        }

        String banner = Banner.text(options, running(), missing, keycloak, seconds(started));
        home.writeReady(banner, state());
        out.print(banner);
        out.flush();
        return banner;
    }

    /** The services running now, gateway last. */
    List<SuiteService> running() {
        List<SuiteService> services = new ArrayList<>(domainServices.stream().map(ServiceProcess::service).toList());
        if (web != null) {
            services.add(web.service());
        }
        if (gateway != null) {
            services.add(gateway.service());
        }
        return services;
    }

    /** Reports a service that exits while the suite runs: its log says why. */
    void watchForCrashes() {
        List<ServiceProcess> all = new ArrayList<>(domainServices);
        if (web != null) {
            all.add(web);
        }
        if (gateway != null) {
            all.add(gateway);
        }
        for (ServiceProcess service : all) {
            ProcessHandle.of(service.pid()).ifPresent(handle -> handle.onExit().thenRun(() -> {
                if (!closed) {
                    out.println(service.service().name() + " stopped unexpectedly; last lines of its log:\n" + service.tail(20));
                }
            }));
        }
    }

    /** The running stack (PostgreSQL and Kafka); null before {@link #start()} got that far. */
    DevStack stack() {
        return stack;
    }

    /** The running mail server (SMTP and IMAP), or null before {@link #start()} got that far. */
    MailServer mail() {
        return mail;
    }

    /** The running Keycloak, or null when this run has no identity provider. */
    KeycloakServer keycloak() {
        return keycloak;
    }

    /** The process of a started service, by key ({@code catalog}, ..., {@code gateway}, {@code web}). */
    ServiceProcess process(String key) {
        if (gateway != null && gateway.service().key().equals(key)) {
            return gateway;
        }
        if (web != null && web.service().key().equals(key)) {
            return web;
        }
        return domainServices.stream().filter(p -> p.service().key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such service in this run: " + key));
    }

    /** Kills a service (SIGKILL), as a crash would. */
    void kill(String key) {
        process(key).kill();
    }

    /** Stops a service gracefully (SIGTERM). */
    void stop(String key) {
        process(key).stop(STOP_GRACE);
    }

    /**
     * Starts a stopped or killed service again, on the same port with the same settings, its output appended to
     * its log, and waits until it is ready.
     */
    void restart(String key) {
        ServiceProcess old = process(key);
        if (old.isAlive()) {
            throw new IllegalStateException(old.service().name() + " still runs: stop or kill it first");
        }
        SuiteService service = old.service();
        ServiceProcess started = ServiceProcess.start(service, service.jar(home.root()), launch.jvmOptions(), environments.get(key), old.log(), true);
        synchronized (lock) {
            if (closed) {
                started.stop(STOP_GRACE);
                throw new IllegalStateException("the suite is closed");
            }
            if (old == gateway) {
                gateway = started;
            } else if (old == web) {
                web = started;
            } else {
                domainServices.replaceAll(p -> p == old ? started : p);
            }
        }
        started.awaitReady(READY_TIMEOUT);
    }

    /**
     * Starts one more instance of a started service, as a second replica of a deployment is: the same settings
     * (database, Kafka, profile, the extra environment of the run), its own free port and log
     * ({@code <name>-replica-<n>.log}), then {@code overrides}. Waits until it is ready; {@link #close()} stops
     * it with the rest.
     */
    ServiceProcess startReplica(String key, Map<String, String> overrides) {
        SuiteService original = process(key).service();
        Map<String, String> env = new LinkedHashMap<>(environments.get(key));
        SuiteService service = new SuiteService(original.name(), original.key(), FreePort.pick(), original.database());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        env.putAll(overrides);
        Path log = home.log(original.name() + "-replica-" + replicasStarted.incrementAndGet());
        ServiceProcess started = ServiceProcess.start(service, service.jar(home.root()), launch.jvmOptions(), env, log);
        adopt(started, replicas::add);
        try {
            started.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            stopReplica(started);
            throw e;
        }
        return started;
    }

    /** Stops a replica if it still runs (SIGTERM, SIGKILL after the grace) and forgets it. */
    void stopReplica(ServiceProcess replica) {
        try {
            replica.stop(STOP_GRACE);
        } finally {
            replicas.remove(replica);
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            if (gateway != null) {
                gateway.stop(STOP_GRACE);
            }
            List<ServiceProcess> services = new ArrayList<>(replicas);
            if (web != null) {
                services.add(web);
            }
            services.addAll(domainServices);
            CompletableFuture.allOf(services.stream()
                    .map(service -> CompletableFuture.runAsync(() -> service.stop(STOP_GRACE), runnable -> new Thread(runnable, "stop-" + service.service().name()).start()))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            try {
                if (keycloak != null) {
                    keycloak.close();
                }
                // a start still under way (the suite failed or was stopped meanwhile) stops as soon as it is done
                keycloakStarting.thenAccept(server -> {
                    if (server != null) {
                        server.close();
                    }
                });
                if (mail != null) {
                    mail.close();
                }
                if (stack != null) {
                    stack.close();
                }
            } finally {
                home.clearRun();
            }
        }
    }

    private void adopt(ServiceProcess process, Consumer<ServiceProcess> keep) {
        synchronized (lock) {
            if (!closed) {
                keep.accept(process);
                return;
            }
        }
        process.stop(STOP_GRACE);
        throw new IllegalStateException("stopped while starting");
    }

    private Map<String, String> commonEnvironment(SuiteService service, Path keys) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_PROFILE", "local");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        // the gateway of the local suite mints tokens for anyone who asks: keep it off the network
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        if (launch.identityProvider()) {
            // the realm's tokens first (its keys are fetched on the first token, when Keycloak is up); the dev key's
            // stay trusted for scripts and tests (./recert token)
            env.put("MP_JWT_VERIFY_ISSUER", KeycloakServer.issuerAt(options.keycloakPort()));
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", KeycloakServer.jwksAt(options.keycloakPort()));
            env.put("SMALLRYE_JWT_PATH_GROUPS", KeycloakServer.ROLES_CLAIM_PATH);
            env.put("RECERT_SECURITY_LOCAL_ISSUER_TRUSTED", "true");
        } else {
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve("public.pem").toString());
        }
        env.put("RECERT_SECURITY_LOCAL_ISSUER_PUBLIC_KEY_LOCATION", keys.resolve("public.pem").toString());
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.resolve("private.pem").toString());
        env.put("RECERT_DEMO_DATA_ENABLED", Boolean.toString(launch.demoData()));
        env.put("RECERT_EXIT_WITH_PARENT", "true");
        return env;
    }

    /** How notification-service reaches the mail server, and the address its links start with (the gateway). */
    private Map<String, String> mailEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_MAILER_HOST", MailServer.HOST);
        env.put("QUARKUS_MAILER_PORT", Integer.toString(mail.smtpPort()));
        // loopback to a local server: no TLS, no credentials (production sets QUARKUS_MAILER_TLS, _USERNAME, _PASSWORD)
        env.put("QUARKUS_MAILER_TLS", "false");
        env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        env.put("RECERT_NOTIFICATIONS_PUBLIC_BASE_URL", "http://localhost:" + options.gatewayPort());
        return env;
    }

    private CompletableFuture<KeycloakServer> startKeycloak(Path runDirectory, long started) {
        out.printf("Starting Keycloak on %s (realm %s)%n", "http://127.0.0.1:" + options.keycloakPort(), KeycloakServer.REALM);
        List<String> webOrigins = List.of("http://localhost:" + options.gatewayPort(), "http://127.0.0.1:" + options.gatewayPort());
        CompletableFuture<KeycloakServer> future = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                future.complete(KeycloakServer.start(runDirectory, options.keycloakPort(), webOrigins));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        }, "keycloak-start");
        starter.setDaemon(true);
        starter.start();
        keycloakStarting = future;
        return future.whenComplete((server, failure) -> {
            if (server != null) {
                out.printf("Keycloak ready on %s after %.1f s (its own start: %.1f s)%n", server.url(), seconds(started),
                        server.startSeconds());
            }
        });
    }

    private void awaitKeycloak(CompletableFuture<KeycloakServer> identity) {
        KeycloakServer server;
        try {
            server = identity.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        if (server == null) {
            return;
        }
        synchronized (lock) {
            if (closed) {
                server.close();
                throw new IllegalStateException("stopped while starting");
            }
            keycloak = server;
        }
    }

    private void awaitReady(List<ServiceProcess> services, long started) {
        for (ServiceProcess service : services) {
            service.awaitReady(READY_TIMEOUT);
            out.printf("%s ready on %s after %.1f s%n", service.service().name(), service.service().url(), seconds(started));
        }
    }

    private static List<String> busyPorts(Map<String, Integer> ports) {
        List<String> busy = new ArrayList<>();
        ports.forEach((what, port) -> {
            if (!isFree(port)) {
                busy.add(port + " for " + what);
            }
        });
        return busy;
    }

    private List<String> busyPorts(List<SuiteService> services, SuiteService gatewayService) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL (--postgres-port, RECERT_POSTGRES_PORT)", options.postgresPort());
        ports.put("Kafka (--kafka-port, RECERT_KAFKA_PORT)", options.kafkaPort());
        List<SuiteService> all = new ArrayList<>(services);
        if (gatewayService != null) {
            all.add(gatewayService);
        }
        for (SuiteService service : all) {
            ports.put(service.name() + " (--" + service.key() + "-port, RECERT_" + service.key().toUpperCase() + "_PORT)", service.port());
        }
        return busyPorts(ports);
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path copyDevKeys(Path keys) {
        try {
            Files.createDirectories(keys);
            Files.writeString(keys.resolve("public.pem"), LocalTokens.readResource(LocalTokens.PUBLIC_KEY), StandardCharsets.US_ASCII);
            Files.writeString(keys.resolve("private.pem"), LocalTokens.readResource(LocalTokens.PRIVATE_KEY), StandardCharsets.US_ASCII);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dev keys to " + keys, e);
        }
    }

    private Properties state() {
        Properties state = new Properties();
        state.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        state.setProperty("postgres.port", Integer.toString(options.postgresPort()));
        state.setProperty("kafka.port", Integer.toString(options.kafkaPort()));
        state.setProperty("smtp.port", Integer.toString(options.smtpPort()));
        state.setProperty("imap.port", Integer.toString(options.imapPort()));
        state.setProperty("services", String.join(",", running().stream().map(SuiteService::name).toList()));
        for (SuiteService service : running()) {
            state.setProperty(service.name() + ".port", Integer.toString(service.port()));
        }
        return state;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
