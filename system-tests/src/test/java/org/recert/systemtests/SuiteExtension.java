package org.recert.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.recert.devstack.Suite;
import org.recert.systemtests.conformance.ConformanceFilter;

/**
 * Starts ONE suite per test JVM, on first use, from the services' built jars, and stops it when the JVM exits.
 * Test classes take it as a constructor or method parameter of type {@link Suite}.
 *
 * <p>The compliance service runs with {@code RECERT_CONSUMER_DELIVER_TWICE=true}: each event is applied twice,
 * so every journey also proves that nothing is counted twice. Its event handlers log at DEBUG, where the trace
 * test reads the trace id, and its Kafka session timeout is 10 s, so that a killed instance's partitions go to
 * the restarted one sooner. The gateway's rate limits are raised: the fault tests record credits fast on purpose.
 *
 * <p>Every service exports its spans by OTLP (http/protobuf) to {@link #traces()}, a receiver in this JVM started
 * before the suite, with a short batch delay so that spans arrive within a fraction of a second.
 */
public final class SuiteExtension implements BeforeAllCallback, ParameterResolver {

    private static final Logger LOG = Logger.getLogger(SuiteExtension.class.getName());
    private static final List<String> SERVICES = List.of("gateway", "catalog", "credits", "compliance", "web");
    private static Suite suite;
    private static OtlpReceiver traces;
    private static RuntimeException failure;

    /** The spans the suite's services exported, received in this JVM. */
    static synchronized OtlpReceiver traces() {
        if (traces == null) {
            traces = OtlpReceiver.start();
        }
        return traces;
    }

    /** The suite of this JVM, started on first call. */
    public static synchronized Suite suite() {
        if (failure != null) {
            throw new IllegalStateException("the suite did not start", failure);
        }
        if (suite == null) {
            Path root = Path.of(System.getProperty("recert.root", "..")).toAbsolutePath().normalize();
            Path runDirectory = Path.of(System.getProperty("recert.suite.dir", "target/suite")).toAbsolutePath().normalize();
            // Keycloak and the web app too: the browser journeys sign in through the real login page
            Suite.Options options = Suite.Options.defaults(root).withRunDirectory(runDirectory).withIdentityProvider()
                    .withEnvironment("compliance", "RECERT_CONSUMER_DELIVER_TWICE", "true")
                    .withEnvironment("compliance", "QUARKUS_LOG_CATEGORY__ORG_RECERT_COMPLIANCE_EVENTS__LEVEL", "DEBUG")
                    // a killed consumer's partitions move to its successor after 10 s instead of Kafka's default 45 s
                    .withEnvironment("compliance", "KAFKA_SESSION_TIMEOUT_MS", "10000")
                    .withEnvironment("compliance", "KAFKA_HEARTBEAT_INTERVAL_MS", "2000")
                    // the reminder journey moves compliance's and notification-service's "today" (refused in production)
                    .withEnvironment("compliance", "RECERT_CLOCK_MOVABLE", "true")
                    .withEnvironment("notifications", "RECERT_CLOCK_MOVABLE", "true")
                    // the reminders of a moved day are found within a second, and mailed within another
                    .withEnvironment("notifications", "RECERT_NOTIFICATIONS_SWEEP_EVERY", "1s")
                    .withEnvironment("notifications", "RECERT_NOTIFICATIONS_DELIVERY_EVERY", "1s")
                    // the employer digest of a week is decided within a second of an opt-in (EmployerJourneyTest)
                    .withEnvironment("notifications", "RECERT_NOTIFICATIONS_DIGEST_EVERY", "1s")
                    .withEnvironment("notifications", "KAFKA_SESSION_TIMEOUT_MS", "10000")
                    .withEnvironment("notifications", "KAFKA_HEARTBEAT_INTERVAL_MS", "2000")
                    .withEnvironment("gateway", "RECERT_GATEWAY_RATE_LIMITS_CREDITS_LIMIT", "100000")
                    .withEnvironment("gateway", "RECERT_GATEWAY_RATE_LIMITS_COMPLIANCE_LIMIT", "100000")
                    .withEnvironment("gateway", "RECERT_GATEWAY_RATE_LIMITS_CATALOG_LIMIT", "100000")
                    // the authorization matrix calls every operation without a token, twice (plain and respelled paths)
                    .withEnvironment("gateway", "RECERT_GATEWAY_RATE_LIMITS_ANONYMOUS_LIMIT", "100000");
            for (String service : SERVICES) {
                options = options
                        .withEnvironment(service, "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces().endpoint())
                        .withEnvironment(service, "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf")
                        .withEnvironment(service, "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            }
            long started = System.nanoTime();
            try {
                Suite startedSuite = Suite.start(options);
                suite = startedSuite;
                // every exchange a test makes with the gateway through rest-assured must conform to its OpenAPI document
                RestAssured.filters(new ConformanceFilter(startedSuite.gatewayUrl()));
                Runtime.getRuntime().addShutdownHook(new Thread(startedSuite::close, "system-suite-shutdown"));
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOG.info(() -> "suite ready after " + took.toMillis() + " ms: gateway " + suite.gatewayUrl());
        }
        return suite;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        suite();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return suite();
    }
}
