package org.recert.devstack;

import java.util.List;

/** What {@code ./recert up} prints once the suite is ready: where to go, tokens to paste, a first call. */
final class Banner {

    /** The demo users of docs/contracts.md, whose data the services load with {@code recert.demo-data.enabled}. */
    record DemoIdentity(String variable, String who, String subject, List<String> groups, String organization,
                        String provider, String email) {
    }

    static final List<DemoIdentity> DEMO_IDENTITIES = List.of(
            new DemoIdentity("MARIA", "Maria Lopez, learner", "maria", List.of("learner"), null, null,
                    MailServer.DEMO_ADDRESSES.get(0)),
            new DemoIdentity("JAMES", "James Chen, learner", "james", List.of("learner"), null, null,
                    MailServer.DEMO_ADDRESSES.get(1)),
            new DemoIdentity("CARLA", "Care Clinic employer", "hr-carla", List.of("employer"),
                    "22222222-2222-4222-8222-222222222222", null, null),
            new DemoIdentity("ANN", "AAMA e-Learning Center provider staff", "prov-ann", List.of("provider"), null,
                    "11111111-1111-4111-8111-111111111111", null),
            new DemoIdentity("CORA", "curator", "cora", List.of("curator"), null, null, null),
            new DemoIdentity("OPS", "admin", "ops", List.of("admin"), null, null, null));

    private Banner() {
    }

    static String text(SuiteOptions options, List<SuiteService> running, List<SuiteService> missing,
                       KeycloakServer keycloak, double seconds) {
        boolean gateway = running.stream().anyMatch(s -> s.key().equals("gateway"));
        boolean web = running.stream().anyMatch(s -> s.key().equals("web"));
        StringBuilder text = new StringBuilder();
        text.append(String.format("%nRecert is up after %.1f s.%n%n", seconds));
        if (web) {
            text.append(String.format("  Open %-14s http://localhost:%d/  and sign in as one of these (password %s):%n",
                    "the web app", options.gatewayPort(), KeycloakServer.DEMO_PASSWORD));
            for (DemoIdentity identity : DEMO_IDENTITIES) {
                text.append(String.format("    %-10s %s%n", identity.subject(), identity.who()));
            }
            text.append('\n');
        }
        if (keycloak != null) {
            line(text, "Keycloak", keycloak.issuer() + "  (realm " + KeycloakServer.REALM + "; a script's token: "
                    + "POST " + keycloak.tokenUrl() + " grant_type=password client_id=" + KeycloakServer.SCRIPTS_CLIENT + ")");
        }
        if (gateway) {
            String url = "http://localhost:" + options.gatewayPort();
            line(text, "API", url + "/api/v1/...");
            line(text, "Swagger UI", url + "/q/swagger-ui");
            line(text, "OpenAPI", url + "/q/openapi");
        } else {
            line(text, "gateway", "not built: call the services directly, below");
        }
        for (SuiteService service : running) {
            if (!service.key().equals("gateway") && !service.key().equals("web")) {
                line(text, service.name(), service.url() + "  (OpenAPI " + service.url() + "/q/openapi)");
            }
        }
        for (SuiteService service : missing) {
            if (!service.key().equals("gateway")) {
                line(text, service.name(), "not built, not running");
            }
        }
        line(text, "PostgreSQL", "jdbc:postgresql://127.0.0.1:" + options.postgresPort()
                + "/<catalog|credits|compliance|notifications> (user and password: the database name)");
        line(text, "Kafka", "127.0.0.1:" + options.kafkaPort());
        line(text, "Mail (GreenMail)", "SMTP " + MailServer.HOST + ":" + options.smtpPort() + " (notification-service sends here), IMAP "
                + MailServer.HOST + ":" + options.imapPort() + " (plain, no TLS)");
        line(text, "", "the demo learners' mail: IMAP user " + String.join(" or ", MailServer.DEMO_ADDRESSES) + ", password "
                + MailServer.DEMO_PASSWORD + " (any other address: user and password = the address)");
        line(text, "", "e.g. curl -u " + MailServer.DEMO_ADDRESSES.get(0) + ":" + MailServer.DEMO_PASSWORD + " 'imap://" + MailServer.HOST
                + ":" + options.imapPort() + "/INBOX;UID=1'  (UID=2 the next one)");
        line(text, "", "a demo learner gets no mail until she turns it on (the PUT .../notifications/me/preferences under Try):");
        line(text, "", "then her newest reminder is mailed within seconds, the later ones as they fall due");
        line(text, "Logs", ".recert/logs/");

        LocalTokens tokens = LocalTokens.withDevKey();
        text.append(String.format("%nDemo tokens, valid %d h (paste into your shell; ./recert token mints others):%n",
                LocalTokens.LIFETIME.toHours()));
        for (DemoIdentity identity : DEMO_IDENTITIES) {
            text.append(String.format("  # %s: sub=%s, groups=%s%s%s%s%n", identity.who(), identity.subject(),
                    String.join(",", identity.groups()),
                    identity.organization() == null ? "" : ", org=" + identity.organization(),
                    identity.provider() == null ? "" : ", provider=" + identity.provider(),
                    identity.email() == null ? "" : ", email=" + identity.email()));
            text.append("  export ").append(identity.variable()).append('=')
                    .append(tokens.mint(identity.subject(), identity.groups(), identity.organization(), identity.provider(),
                            identity.email()))
                    .append('\n');
        }

        String compliance = gateway ? "http://localhost:" + options.gatewayPort() : "http://localhost:" + options.compliancePort();
        String catalog = gateway ? "http://localhost:" + options.gatewayPort() : "http://localhost:" + options.catalogPort();
        text.append(String.format("%nTry:%n"));
        text.append("  curl -H \"Authorization: Bearer $MARIA\" '").append(compliance)
                .append("/api/v1/compliance/learners/maria/status?credential=CMA_AAMA'\n");
        text.append("  curl -H \"Authorization: Bearer $MARIA\" '").append(catalog)
                .append("/api/v1/catalog/courses?approval=AAMA&limit=5'\n");
        String notifications = gateway ? "http://localhost:" + options.gatewayPort() : "http://localhost:" + options.notificationsPort();
        text.append("  curl -X PUT -H \"Authorization: Bearer $MARIA\" -H 'Content-Type: application/json' -d '{\"emailEnabled\":true,"
                + "\"offsets\":[180,90,30,14,7,1],\"language\":\"en\"}' '").append(notifications)
                .append("/api/v1/notifications/me/preferences'   # Maria's reminders by mail (\"language\":\"es\" in Spanish), "
                        + "to her address in the token\n");
        text.append(String.format("%nStop: Ctrl-C, or ./recert down when started with --detach.%n"));
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-19s %s%n", label, value));
    }
}
