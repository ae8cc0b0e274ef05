package org.recert.devstack;

import java.nio.file.Path;
import java.util.List;

/**
 * One service of the local suite, run from its built jar.
 *
 * @param name the module and log name, e.g. {@code catalog-service}
 * @param key its short name in settings, e.g. {@code catalog}
 * @param port its HTTP port
 * @param database its own database, or null (the gateway has none)
 */
record SuiteService(String name, String key, int port, String database) {

    static List<SuiteService> domainServices(SuiteOptions options) {
        return List.of(
                new SuiteService("catalog-service", "catalog", options.catalogPort(), "catalog"),
                new SuiteService("credits-service", "credits", options.creditsPort(), "credits"),
                new SuiteService("compliance-service", "compliance", options.compliancePort(), "compliance"),
                new SuiteService("notification-service", "notifications", options.notificationsPort(), "notifications"));
    }

    static SuiteService gateway(SuiteOptions options) {
        return new SuiteService("gateway", "gateway", options.gatewayPort(), null);
    }

    static SuiteService web(SuiteOptions options) {
        return new SuiteService("web", "web", options.webPort(), null);
    }

    /** The runnable jar a {@code package} of the module writes. */
    Path jar(Path root) {
        return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String url() {
        return "http://localhost:" + port;
    }
}
