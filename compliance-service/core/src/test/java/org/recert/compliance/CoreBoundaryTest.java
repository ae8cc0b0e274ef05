package org.recert.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The dependency runs one way: employers build on the core, the core knows nothing of employers. The module graph
 * already keeps a compiled reference out; this also catches one by name (reflection, a string, a Javadoc link).
 */
class CoreBoundaryTest {

    private static final Path CORE_SOURCES = Path.of("src/main/java");
    private static final String EMPLOYERS_PACKAGE = "org.recert.compliance.employers";

    @Test
    void shouldNotNameTheEmployersPackageAnywhereInTheCore() throws IOException {
        assertThat(CORE_SOURCES).isDirectory();
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(CORE_SOURCES)) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(CoreBoundaryTest::namesEmployers)
                    .toList();
        }
        assertThat(offenders).as("core sources that name %s", EMPLOYERS_PACKAGE).isEmpty();
    }

    @Test
    void shouldKeepNoCoreSourceInTheEmployersPackage() {
        assertThat(CORE_SOURCES.resolve(EMPLOYERS_PACKAGE.replace('.', '/'))).doesNotExist();
    }

    private static boolean namesEmployers(Path file) {
        try {
            return Files.readString(file).contains(EMPLOYERS_PACKAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
