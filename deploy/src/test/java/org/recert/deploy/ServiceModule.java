package org.recert.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One of the deployable services (the web app among them): its compose name, Maven module and what it is built on. */
record ServiceModule(String name, String module, boolean storesData) {

    static final List<ServiceModule> ALL = List.of(
            new ServiceModule("catalog", "catalog-service", true),
            new ServiceModule("credits", "credits-service", true),
            new ServiceModule("compliance", "compliance-service", true),
            new ServiceModule("gateway", "gateway", false),
            new ServiceModule("notifications", "notification-service", true),
            new ServiceModule("web", "web", false));

    static List<ServiceModule> domainServices() {
        return ALL.stream().filter(ServiceModule::storesData).toList();
    }

    static ServiceModule named(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** Whether it verifies bearer tokens itself (the web app signs people in instead and passes their token on). */
    boolean verifiesTokens() {
        return !name.equals("web");
    }

    /** The Kubernetes name of its Deployment, Service, ConfigMap and ServiceAccount. */
    String kubernetesName() {
        return "recert-" + name;
    }

    Path dir() {
        return Repo.path(module);
    }

    /**
     * Its Java sources: the module's own, if any, and those of the library modules in its folder (compliance-service
     * packages compliance-service/core and compliance-service/employers).
     */
    List<Path> sourceRoots() {
        List<Path> roots = new ArrayList<>();
        Path own = dir().resolve("src/main/java");
        if (Files.isDirectory(own)) {
            roots.add(own);
        }
        try (Stream<Path> children = Files.list(dir())) {
            children.filter(child -> Files.isRegularFile(child.resolve("pom.xml")))
                    .map(library -> library.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .sorted()
                    .forEach(roots::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return roots;
    }

    /** Whether the module's code is in this tree (the gateway arrives after the services). */
    boolean present() {
        return Files.isRegularFile(dir().resolve("src/main/resources/application.properties"));
    }

    int httpPort() {
        String port = Repo.properties(dir().resolve("src/main/resources/application.properties"))
                .getProperty("quarkus.http.port");
        if (port == null) {
            throw new IllegalStateException(module + " sets no quarkus.http.port");
        }
        return Integer.parseInt(port.trim());
    }

    /** Whether the domain kit (PostgreSQL, Flyway, Kafka) is on its classpath, which its pom says. */
    boolean usesPlatformEvents() {
        return Repo.read(dir().resolve("pom.xml")).contains("<artifactId>recert-platform</artifactId>");
    }
}
