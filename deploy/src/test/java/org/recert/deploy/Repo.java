package org.recert.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository around this module: files the checks read. */
final class Repo {

    private static final Pattern POM_PROPERTY = Pattern.compile("<(%s)>([^<]+)</\\1>");

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("recert.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    static Path path(String first, String... more) {
        return root().resolve(Path.of(first, more));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties properties(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    /** A property of the root pom.xml, such as kafka.version. */
    static String rootPomProperty(String name) {
        Matcher matcher = Pattern.compile(String.format(POM_PROPERTY.pattern(), Pattern.quote(name)))
                .matcher(read(path("pom.xml")));
        if (!matcher.find()) {
            throw new IllegalStateException("no property " + name + " in the root pom.xml");
        }
        return matcher.group(2).trim();
    }
}
