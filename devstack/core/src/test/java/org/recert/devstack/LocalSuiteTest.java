package org.recert.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that need no running suite, as a user types them. */
class LocalSuiteTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldPrintOnlyTheTokenSoThatItCanBeCapturedInAVariable() {
        int code = run("token", "--sub", "hr-carla", "--groups", "employer,learner", "--org=22222222-2222-4222-8222-222222222222");

        assertEquals(0, code);
        String[] lines = printed().split("\n");
        assertEquals(1, lines.length);
        String claims = new String(Base64.getUrlDecoder().decode(lines[0].split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"sub\":\"hr-carla\""), claims);
        assertTrue(claims.contains("\"groups\":[\"employer\",\"learner\"]"), claims);
        assertTrue(claims.contains("\"org\":\"22222222-2222-4222-8222-222222222222\""), claims);
    }

    @Test
    void shouldExplainATokenRequestWithoutASubject() {
        assertEquals(2, run("token", "--groups", "learner"));
        assertTrue(errors().contains("--sub is required"), errors());
        assertEquals("", printed());
    }

    @Test
    void shouldSayThatNothingRunsAndClearWhatADeadLauncherLeft() throws Exception {
        Path home = root.resolve(".recert");
        Files.createDirectories(home);
        Files.writeString(home.resolve("suite.pid"), "999999999");
        Files.writeString(home.resolve("suite.txt"), "stale banner");

        assertEquals(LocalSuite.NOT_RUNNING, run("status"));
        assertTrue(printed().contains("Recert is not running"), printed());
        assertEquals(0, run("down"));
        assertTrue(Files.notExists(home.resolve("suite.pid")) && Files.notExists(home.resolve("suite.txt")));
    }

    @Test
    void shouldRejectAnUnknownCommandWithTheUsage() {
        assertEquals(2, run("start"));
        assertTrue(errors().contains("unknown command 'start'"), errors());
        assertTrue(printed().contains("Usage: ./recert"), printed());
    }

    @Test
    void shouldRejectAPortFlagItDoesNotKnowBeforeStartingAnything() {
        assertEquals(2, run("up", "--gateway", "9090"));
        assertTrue(errors().contains("--gateway-port"), errors());
        assertTrue(Files.notExists(root.resolve(".recert/suite.pid")));
    }

    private int run(String... args) {
        LocalSuite suite = new LocalSuite(new SuiteHome(root), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return suite.run(List.of(args));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
