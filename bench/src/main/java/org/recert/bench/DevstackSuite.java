package org.recert.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.recert.devstack.Database;
import org.recert.devstack.Suite;

/** The suite as devstack's {@link Suite} runs it: the services' built jars on free ports, real PostgreSQL and Kafka. */
final class DevstackSuite implements SuiteAccess {

    private static final Map<String, String> MODULES = Map.of("catalog", "catalog-service", "credits", "credits-service",
            "compliance", "compliance-service", "gateway", "gateway", "notifications", "notification-service");

    private final Suite suite;

    private DevstackSuite(Suite suite) {
        this.suite = suite;
    }

    /** Starts the suite with demo data; {@code gatewayEnvironment} is added to the gateway's settings. */
    static DevstackSuite start(Path root, Path runDirectory, Map<String, String> gatewayEnvironment) {
        return new DevstackSuite(Suite.start(
                new Suite.Options(root, runDirectory, true, Map.of("gateway", gatewayEnvironment), true, false)));
    }

    @Override
    public String gatewayUrl() {
        return suite.gatewayUrl();
    }

    @Override
    public String serviceUrl(String service) {
        return suite.serviceUrl(service);
    }

    @Override
    public String token(String subject, List<String> groups, String organization, String provider) {
        return suite.token(subject, Set.copyOf(groups), organization, provider);
    }

    @Override
    public Database database(String name) {
        return suite.database(name);
    }

    @Override
    public String bootstrapServers() {
        return suite.bootstrapServers();
    }

    /**
     * The service's JVM among this JVM's descendants, known by the jar it runs: Suite does not expose pids, and
     * finding them here keeps the benchmark from reaching into devstack.
     */
    @Override
    public long pid(String service) {
        String jar = "/" + MODULES.get(service) + "/target/quarkus-app/quarkus-run.jar";
        Optional<ProcessHandle> process = ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().arguments().map(args -> List.of(args).stream().anyMatch(arg -> arg.endsWith(jar))).orElse(false))
                .findFirst();
        return process.map(ProcessHandle::pid).orElseThrow(() -> new IllegalStateException("no running process of " + service));
    }

    @Override
    public void stop(String service) {
        suite.stopService(service);
    }

    @Override
    public void start(String service) {
        suite.startService(service);
    }

    @Override
    public void close() {
        suite.close();
    }
}
