package org.recert.devstack.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.recert.devstack.Database;
import org.recert.devstack.DevStack;

/**
 * Points a {@code @QuarkusTest} application at the JVM's real PostgreSQL and Kafka.
 *
 * <p>Init argument {@code database}: the service's own database, created on first use. The stack itself
 * outlives every test class and stops with the JVM, so {@link #stop()} does nothing.
 */
public class DevStackResource implements QuarkusTestResourceLifecycleManager {

    private String databaseName = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        databaseName = initArgs.getOrDefault("database", databaseName);
    }

    @Override
    public Map<String, String> start() {
        DevStack stack = DevStack.shared();
        Database database = stack.database(databaseName);
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password(),
                "kafka.bootstrap.servers", stack.bootstrapServers());
    }

    @Override
    public void stop() {
        // the stack belongs to the JVM, not to one test class
    }
}
