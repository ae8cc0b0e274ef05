package org.recert.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Resources never see what the store reads or writes, and services never see request types: the api maps at the
 * boundary, in both modules of the service.
 */
class LayerBoundaryTest {

    private static final List<Path> SOURCES = List.of(Path.of("core/src/main/java"), Path.of("employers/src/main/java"));
    private static final Pattern STORE_IMPORT = Pattern.compile("(?m)^import (static )?org\\.recert\\.compliance\\.([a-z]+\\.)?store\\.");
    private static final Pattern API_IMPORT = Pattern.compile("(?m)^import (static )?org\\.recert\\.compliance\\.([a-z]+\\.)?api\\.");

    @Test
    void shouldKeepTheStoreOutOfEveryResource() {
        assertThat(sources().filter(file -> inPackage(file, "api")).filter(file -> STORE_IMPORT.matcher(read(file)).find()))
                .as("api sources that import a store type").isEmpty();
    }

    @Test
    void shouldKeepRequestTypesOutOfEveryService() {
        assertThat(sources().filter(file -> !inPackage(file, "api")).filter(file -> API_IMPORT.matcher(read(file)).find()))
                .as("sources outside api that import an api type").isEmpty();
    }

    private static Stream<Path> sources() {
        return SOURCES.stream().peek(root -> assertThat(root).isDirectory()).flatMap(root -> {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static boolean inPackage(Path file, String name) {
        return file.getParent().getFileName().toString().equals(name);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
