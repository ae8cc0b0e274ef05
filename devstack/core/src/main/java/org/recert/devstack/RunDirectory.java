package org.recert.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The working directory of one running stack: {@code <base>/run-<pid>}, owned by the JVM whose pid it
 * names. Directories whose owner died are swept, with their leftover processes, when a new stack starts.
 */
final class RunDirectory {

    private static final String PREFIX = "run-";
    private static final String POSTMASTER_PID = "postgres/postmaster.pid";
    static final String BROKER_PID = "broker.pid";

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    static RunDirectory create(Path base) {
        sweepStale(base);
        Path dir = base.resolve(PREFIX + ProcessHandle.current().pid());
        deleteRecursively(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return new RunDirectory(dir);
    }

    Path path() {
        return path;
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    void delete() {
        deleteRecursively(path);
    }

    /** Removes the run directories of dead owners, stopping the broker and PostgreSQL they left running. */
    static void sweepStale(Path base) {
        if (!Files.isDirectory(base)) {
            return;
        }
        List<Path> stale;
        try (Stream<Path> dirs = Files.list(base)) {
            stale = dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX))
                    .filter(d -> !ownerAlive(d))
                    .toList();
        } catch (IOException e) {
            return;
        }
        for (Path dir : stale) {
            readPid(dir.resolve(BROKER_PID)).ifPresent(pid -> stopIf(pid, "BrokerMain"));
            // the lifeline shell, which stops Keycloak on SIGTERM (and already did if its parent died)
            readPid(dir.resolve(KeycloakServer.PID_FILE)).ifPresent(pid -> stopIf(pid, "keycloak-lifeline"));
            readPid(dir.resolve(POSTMASTER_PID)).ifPresent(pid -> stopIf(pid, "postgres"));
            deleteRecursively(dir);
        }
    }

    private static boolean ownerAlive(Path dir) {
        String name = dir.getFileName().toString().substring(PREFIX.length());
        try {
            long pid = Long.parseLong(name);
            return pid == ProcessHandle.current().pid()
                    || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not ours: leave it alone
        }
    }

    static Optional<Long> readPid(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Kills a leftover process only when its command line says it is what we think it is. */
    private static void stopIf(long pid, String commandMarker) {
        ProcessHandle.of(pid).filter(p -> {
            String command = p.info().command().orElse("") + " " + String.join(" ", p.info().arguments().orElse(new String[0]));
            return command.contains(commandMarker);
        }).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
