package org.recert.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.recert.devstack.Database;

/** What every scenario needs from the running suite, and the knobs of the run. */
final class Context {

    static final ObjectMapper JSON = new ObjectMapper();

    final SuiteAccess suite;
    final Settings settings;
    final Http http = new Http();
    final String gateway;
    final CpuMeter cpu;

    Context(SuiteAccess suite, Settings settings, CpuMeter cpu) {
        this.suite = suite;
        this.settings = settings;
        this.gateway = suite.gatewayUrl();
        this.cpu = cpu;
    }

    /** A table line under a measure: where the CPU went while it ran. */
    static Row cpuRow(CpuMeter.Reading before, CpuMeter.Reading after, long units, String unit) {
        return new Row("  " + CpuMeter.perUnit(before, after, units, unit), "", "", "", "");
    }

    String service(String key) {
        return suite.serviceUrl(key);
    }

    String learnerToken(String learnerId) {
        return suite.token(learnerId, List.of("learner"), null, null);
    }

    String adminToken() {
        return suite.token("bench-ops", List.of("admin"), null, null);
    }

    Connection connect(String database) throws SQLException {
        Database db = suite.database(database);
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    /** Sizes of the run; {@code --quick} shrinks them to check the command itself in a minute. */
    record Settings(int statusWarmup, int statusRequests, int creditWarmup, int credits, int creditClients, int latencyRate,
            int latencyWarmupSeconds, int latencySeconds, int reportRows, int rosterMembers) {

        static Settings full() {
            // warm-ups long enough for the C2 compiler to finish with the hot paths (its compiling is CPU the
            // measures would otherwise count)
            return new Settings(10_000, 4_000, 12_000, 3_000, 4, 200, 15, 20, 10_000, 10_000);
        }

        static Settings quick() {
            return new Settings(200, 300, 50, 200, 4, 200, 1, 3, 500, 200);
        }
    }
}
