package org.recert.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What one service reads, as environment variable names: the keys of its application.properties and of the platform
 * defaults it is built on, the leaves of its @ConfigMapping interfaces, and the framework settings of the extensions
 * it has. A deployment file that sets anything else sets a name nobody reads (a typo, or a setting that moved).
 */
final class ServiceSettings {

    /** Framework settings that every Recert service has (platform-web: REST, JWT, logging, OpenTelemetry). */
    static final Set<String> WEB_FRAMEWORK = Set.of(
            "quarkus.http.port",
            "quarkus.profile",
            "quarkus.log.level",
            "quarkus.log.console.json.enabled",
            "quarkus.otel.sdk.disabled",
            "quarkus.otel.exporter.otlp.endpoint",
            "mp.jwt.verify.publickey.location",
            "mp.jwt.verify.issuer",
            // where the roles are in a provider's tokens, e.g. realm_access/roles (docs/operations.md, Security: tokens)
            "smallrye.jwt.path.groups");

    /** Framework settings of the domain services (platform-events: PostgreSQL, Flyway, Kafka). */
    static final Set<String> EVENTS_FRAMEWORK = Set.of(
            "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username",
            "quarkus.datasource.password",
            "quarkus.datasource.jdbc.max-size",
            "quarkus.flyway.migrate-at-start",
            "quarkus.flyway.validate-at-start",
            // Quarkus stops right after its initialisation tasks (Flyway): the migration Job
            "quarkus.init-and-exit",
            "kafka.bootstrap.servers");

    /** Framework settings of a service with quarkus-mailer (notification-service): the SMTP relay. */
    static final Set<String> MAILER_FRAMEWORK = Set.of(
            "quarkus.mailer.host",
            "quarkus.mailer.port",
            "quarkus.mailer.tls",
            "quarkus.mailer.start-tls",
            "quarkus.mailer.username",
            "quarkus.mailer.password",
            "quarkus.mailer.from");

    /** Read by the image's entrypoint, not by the application (src/main/docker/Dockerfile.jvm). */
    static final Set<String> IMAGE = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND");

    private final ServiceModule module;
    private final Set<String> exact = new TreeSet<>();
    private final List<Pattern> patterns = new ArrayList<>();

    private ServiceSettings(ServiceModule module) {
        this.module = module;
    }

    static ServiceSettings of(ServiceModule module) {
        ServiceSettings settings = new ServiceSettings(module);
        boolean events = module.usesPlatformEvents();
        settings.addPropertyFile(module.dir().resolve("src/main/resources/application.properties"));
        settings.addPropertyFile(Repo.path("platform/web/src/main/resources/META-INF/microprofile-config.properties"));
        module.sourceRoots().forEach(settings::addSources);
        settings.addSources(Repo.path("platform/web/src/main/java"));
        WEB_FRAMEWORK.forEach(p -> settings.exact.add(envName(p)));
        if (events) {
            settings.addPropertyFile(
                    Repo.path("platform/events/src/main/resources/META-INF/microprofile-config.properties"));
            settings.addSources(Repo.path("platform/events/src/main/java"));
            EVENTS_FRAMEWORK.forEach(p -> settings.exact.add(envName(p)));
        }
        if (Repo.read(module.dir().resolve("pom.xml")).contains("<artifactId>quarkus-mailer</artifactId>")) {
            MAILER_FRAMEWORK.forEach(p -> settings.exact.add(envName(p)));
        }
        String dockerfile = Repo.read(module.dir().resolve("src/main/docker/Dockerfile.jvm"));
        IMAGE.stream().filter(name -> dockerfile.contains("$" + name)).forEach(settings.exact::add);
        return settings;
    }

    /** The environment variable SmallRye Config maps to a property: upper case, other characters become _. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    boolean reads(String envName) {
        return exact.contains(envName) || patterns.stream().anyMatch(p -> p.matcher(envName).matches());
    }

    /** The names among the given ones that this service does not read. */
    Set<String> unread(Iterable<String> envNames) {
        Set<String> unread = new TreeSet<>();
        envNames.forEach(name -> {
            if (!reads(name)) {
                unread.add(name);
            }
        });
        return unread;
    }

    ServiceModule module() {
        return module;
    }

    private void addPropertyFile(Path file) {
        Repo.properties(file).stringPropertyNames().forEach(key -> exact.add(envName(withoutProfile(key))));
    }

    private void addSources(Path sourceRoot) {
        for (List<String> setting : ConfigMappingScanner.settings(sourceRoot)) {
            if (setting.contains(ConfigMappingScanner.ANY_KEY)) {
                patterns.add(Pattern.compile(setting.stream()
                        .map(s -> s.equals(ConfigMappingScanner.ANY_KEY) ? "[A-Z0-9_]+" : Pattern.quote(envName(s)))
                        .collect(Collectors.joining("_"))));
            } else {
                exact.add(envName(String.join(".", setting)));
            }
        }
    }

    private static String withoutProfile(String key) {
        return key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
    }
}
