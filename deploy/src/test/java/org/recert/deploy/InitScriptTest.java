package org.recert.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The compose init script, run by psql against a real PostgreSQL as the postgres image would run it. */
class InitScriptTest {

    private static final Path SCRIPT = Repo.path("deploy/compose/initdb/10-recert-databases.sh");
    private static final Map<String, String> PASSWORDS = Map.of(
            "catalog", "catalog-secret",
            "credits", "credits 'quoted' secret",
            "compliance", "compliance-secret",
            "notifications", "notifications-secret");

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        Tools.require("deploy/install-tools.sh (apt-get install postgresql-client)", "psql");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of("target/init-script-pg"))
                .setCleanDataDirectory(true)
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("fsync", "off")
                .start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldCreateOneDatabaseOwnedByEachServiceRoleAndRunAgainHarmlessly() throws Exception {
        assertThat(runScript(PASSWORDS).exitCode()).isZero();
        Tools.Result again = runScript(PASSWORDS);

        assertThat(again.exitCode()).as(again.stderr()).isZero();
        for (String service : PASSWORDS.keySet()) {
            try (Connection connection = connect(service, service);
                    Statement statement = connection.createStatement()) {
                statement.execute("create table flyway_probe (id int primary key)");
                statement.execute("insert into flyway_probe values (1)");
                try (ResultSet owner = statement.executeQuery(
                        "select pg_get_userbyid(datdba) from pg_database where datname = current_database()")) {
                    owner.next();
                    assertThat(owner.getString(1)).isEqualTo(service);
                }
            }
        }
    }

    @Test
    void shouldKeepEachServiceOutOfTheOtherServicesDatabases() throws Exception {
        assertThat(runScript(PASSWORDS).exitCode()).isZero();

        for (String service : PASSWORDS.keySet()) {
            for (String other : PASSWORDS.keySet()) {
                if (!other.equals(service)) {
                    assertThatThrownBy(() -> connect(other, service).close())
                            .as("%s connecting to %s", service, other)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied for database");
                }
            }
        }
    }

    @Test
    void shouldRefuseToCreateARoleWithoutAPassword() {
        Map<String, String> missing = new HashMap<>(PASSWORDS);
        missing.remove("compliance");

        Tools.Result result = runScript(missing);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("no password for role compliance");
    }

    private static Tools.Result runScript(Map<String, String> passwords) {
        Map<String, String> env = new HashMap<>();
        env.put("PGHOST", "localhost");
        env.put("PGPORT", String.valueOf(postgres.getPort()));
        env.put("POSTGRES_USER", "postgres");
        passwords.forEach((service, password) -> env.put("RECERT_" + service.toUpperCase() + "_DB_PASSWORD", password));
        return Tools.run(List.of("bash", SCRIPT.toString()), Repo.root(), env);
    }

    private static Connection connect(String database, String role) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
                role, PASSWORDS.get(role));
    }
}
