package org.recert.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The local suite's directory, {@code <repo>/.recert}: the launcher's pid while it runs, the banner once it is
 * ready (the sign {@code ./recert up --detach} waits for), the ports it runs on, the services' logs, and the
 * run directories of PostgreSQL and Kafka.
 */
final class SuiteHome {

    private final Path root;
    private final Path dir;

    SuiteHome(Path root) {
        this(root, root.resolve(".recert"));
    }

    /** A suite of the repository at {@code root} whose state, logs and run directories live in {@code dir}. */
    SuiteHome(Path root, Path dir) {
        this.root = root.toAbsolutePath().normalize();
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path dir() {
        return dir;
    }

    Path logs() {
        return dir.resolve("logs");
    }

    Path log(String service) {
        return logs().resolve(service + ".log");
    }

    Path pidFile() {
        return dir.resolve("suite.pid");
    }

    Path bannerFile() {
        return dir.resolve("suite.txt");
    }

    Path stateFile() {
        return dir.resolve("suite.properties");
    }

    /** The launcher that runs now, if any: a pid file whose process is alive and is the launcher. */
    Optional<ProcessHandle> runningLauncher() {
        return RunDirectory.readPid(pidFile())
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.pid() == ProcessHandle.current().pid() || isLauncher(handle));
    }

    /** Claims the directory for this JVM, clearing what a launcher that died left. */
    void claim() {
        try {
            Files.createDirectories(logs());
            Files.deleteIfExists(bannerFile());
            Files.deleteIfExists(stateFile());
            write(pidFile(), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
    }

    void writeReady(String banner, Properties state) {
        try {
            Path tmp = dir.resolve("suite.properties.tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                state.store(writer, "the local suite that runs now");
            }
            Files.move(tmp, stateFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // the banner last: its presence tells ./recert up --detach that the suite is ready
            write(bannerFile(), banner);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
    }

    Properties state() {
        Properties state = new Properties();
        if (Files.isRegularFile(stateFile())) {
            try (Reader reader = Files.newBufferedReader(stateFile(), StandardCharsets.UTF_8)) {
                state.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + stateFile(), e);
            }
        }
        return state;
    }

    Optional<String> banner() {
        try {
            return Files.isRegularFile(bannerFile()) ? Optional.of(Files.readString(bannerFile())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Forgets the run of this JVM: after a stop, nothing says a suite runs. */
    void clearRun() {
        boolean ours = RunDirectory.readPid(pidFile()).map(pid -> pid == ProcessHandle.current().pid()).orElse(false);
        if (!ours) {
            return;
        }
        try {
            Files.deleteIfExists(bannerFile());
            Files.deleteIfExists(stateFile());
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // the next launcher clears them when it claims the directory
        }
    }

    /** Clears what a launcher that died left: its files, and PostgreSQL and Kafka if they still run. */
    void sweep() {
        RunDirectory.sweepStale(dir);
        if (runningLauncher().isEmpty()) {
            try {
                Files.deleteIfExists(bannerFile());
                Files.deleteIfExists(stateFile());
                Files.deleteIfExists(pidFile());
            } catch (IOException ignored) {
                // nothing to clear
            }
        }
    }

    private static boolean isLauncher(ProcessHandle handle) {
        return handle.info().arguments()
                .map(args -> String.join(" ", args).contains(LocalSuite.class.getName()))
                .orElse(true); // arguments hidden (another user): trust the pid file
    }

    private static void write(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
