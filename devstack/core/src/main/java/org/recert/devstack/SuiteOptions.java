package org.recert.devstack;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ports of a local suite: defaults, overridden by environment variables, overridden by flags.
 *
 * @param postgresPort {@code --postgres-port} / {@code RECERT_POSTGRES_PORT}, default 15432
 * @param kafkaPort {@code --kafka-port} / {@code RECERT_KAFKA_PORT}, default 19092
 * @param gatewayPort {@code --gateway-port} / {@code RECERT_GATEWAY_PORT}, default 8080
 * @param catalogPort {@code --catalog-port} / {@code RECERT_CATALOG_PORT}, default 8081
 * @param creditsPort {@code --credits-port} / {@code RECERT_CREDITS_PORT}, default 8082
 * @param compliancePort {@code --compliance-port} / {@code RECERT_COMPLIANCE_PORT}, default 8083
 * @param notificationsPort {@code --notifications-port} / {@code RECERT_NOTIFICATIONS_PORT}, default 8084
 * @param webPort {@code --web-port} / {@code RECERT_WEB_PORT}, default 8085 (the web app; the gateway serves it at /)
 * @param keycloakPort {@code --keycloak-port} / {@code RECERT_KEYCLOAK_PORT}, default 8180 (the identity provider)
 * @param smtpPort {@code --smtp-port} / {@code RECERT_SMTP_PORT}, default 3025 (the mail server the services send through)
 * @param imapPort {@code --imap-port} / {@code RECERT_IMAP_PORT}, default 3143 (where the demo users read their mail)
 */
public record SuiteOptions(int postgresPort, int kafkaPort, int gatewayPort, int catalogPort, int creditsPort,
                           int compliancePort, int notificationsPort, int webPort, int keycloakPort, int smtpPort,
                           int imapPort) {

    private static final Map<String, Integer> DEFAULTS = defaults();

    public static SuiteOptions parse(List<String> args, Map<String, String> env) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULTS.forEach((name, port) -> {
            String fromEnv = env.get("RECERT_" + name.toUpperCase() + "_PORT");
            ports.put(name, fromEnv == null || fromEnv.isBlank() ? port : port("RECERT_" + name.toUpperCase() + "_PORT", fromEnv));
        });
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String flag = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                flag = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            String name = flag.startsWith("--") && flag.endsWith("-port") ? flag.substring(2, flag.length() - "-port".length()) : null;
            if (name == null || !DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + arg + " (ports: " + String.join(", ",
                        DEFAULTS.keySet().stream().map(n -> "--" + n + "-port").toList()) + ")");
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(flag + " needs a port number");
                }
                value = args.get(++i);
            }
            ports.put(name, port(flag, value));
        }
        Set<Integer> distinct = new HashSet<>();
        for (Map.Entry<String, Integer> entry : ports.entrySet()) {
            if (!distinct.add(entry.getValue())) {
                throw new IllegalArgumentException("port " + entry.getValue() + " is given twice (" + entry.getKey() + ")");
            }
        }
        return new SuiteOptions(ports.get("postgres"), ports.get("kafka"), ports.get("gateway"), ports.get("catalog"),
                ports.get("credits"), ports.get("compliance"), ports.get("notifications"), ports.get("web"), ports.get("keycloak"),
                ports.get("smtp"), ports.get("imap"));
    }

    private static int port(String source, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + ": '" + value + "' is not a port number (1-65535)");
    }

    private static Map<String, Integer> defaults() {
        Map<String, Integer> defaults = new LinkedHashMap<>();
        defaults.put("postgres", 15432);
        defaults.put("kafka", 19092);
        defaults.put("gateway", 8080);
        defaults.put("catalog", 8081);
        defaults.put("credits", 8082);
        defaults.put("compliance", 8083);
        defaults.put("notifications", 8084);
        defaults.put("web", 8085);
        defaults.put("keycloak", 8180);
        defaults.put("smtp", 3025);
        defaults.put("imap", 3143);
        return defaults;
    }
}
