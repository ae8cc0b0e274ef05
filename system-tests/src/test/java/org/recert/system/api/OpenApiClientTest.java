package org.recert.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.recert.devstack.Suite;
import org.recert.systemtests.SuiteExtension;

/**
 * Issue 7 item 1, as front-end teams will meet it: the merged document the running suite's gateway serves passes
 * {@code @redocly/cli lint} with no errors, and a TypeScript client generated from it with openapi-generator
 * ({@code typescript-fetch}) compiles under {@code tsc --strict}, and a small script drives one learner journey through
 * that client against the running suite (certify, record a credit, see it counted). Needs Node.js with {@code npx}
 * on the PATH.
 */
@ExtendWith(SuiteExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiClientTest {

    static final String REDOCLY = "@redocly/cli@2.11.0";
    static final String TYPESCRIPT = "typescript@5.9.3";
    private static final Logger LOG = Logger.getLogger(OpenApiClientTest.class.getName());
    private static final Path TARGET = Path.of("target");
    private static final Path DOCUMENT = TARGET.resolve("openapi.json");
    private static final Path CLIENT = TARGET.resolve("typescript-client");

    @BeforeAll
    static void writeTheMergedDocument(Suite suite) throws IOException {
        OpenApiDocument document = OpenApiDocument.fetch(new Gateway(suite.gatewayUrl()));
        Files.createDirectories(TARGET);
        Files.writeString(DOCUMENT, document.text(), StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void shouldPassRedoclyLintWithoutErrors() throws Exception {
        Path config = copyResource("api/redocly.yaml", TARGET.resolve("redocly.yaml"));
        Run lint = npx(TARGET, List.of("--yes", REDOCLY, "lint", "--config", config.toAbsolutePath().toString(),
                "--format", "stylish", DOCUMENT.toAbsolutePath().toString()));
        Files.writeString(TARGET.resolve("redocly-lint.txt"), lint.output());
        LOG.info(() -> "redocly lint of " + DOCUMENT + " (full output in target/redocly-lint.txt):\n" + lint.output());
        if (lint.exitCode() != 0) {
            fail("redocly lint found errors in the gateway's merged OpenAPI (target/openapi.json):\n" + lint.output());
        }
    }

    @Test
    @Order(2)
    void shouldGenerateATypeScriptClientThatCompilesStrictly() throws Exception {
        deleteRecursively(CLIENT);
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("typescript-fetch")
                .setInputSpec(DOCUMENT.toAbsolutePath().toString())
                .setOutputDir(CLIENT.toAbsolutePath().toString())
                .addAdditionalProperty("supportsES6", true)
                .addAdditionalProperty("npmName", "@recert/api-client");
        List<File> files = new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
        assertThat(files).as("files generated into " + CLIENT).anyMatch(file -> file.getName().endsWith("Api.ts"));

        copyResource("api/tsconfig.json", CLIENT.resolve("tsconfig.json"));
        Run tsc = npx(CLIENT, List.of("--yes", "-p", TYPESCRIPT, "tsc", "--noEmit", "-p", "tsconfig.json"));
        Files.writeString(TARGET.resolve("typescript-client-tsc.txt"), tsc.output());
        if (tsc.exitCode() != 0) {
            fail("the TypeScript client generated from the merged OpenAPI does not compile (tsc --strict, in "
                    + CLIENT + "):\n" + tsc.output());
        }
    }

    @Test
    @Order(3)
    void shouldDriveALearnerJourneyThroughTheGeneratedClient(Suite suite) throws Exception {
        String learner = "ts-client-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        copyResource("api/journey.ts", CLIENT.resolve("journey.ts"));
        copyResource("api/tsconfig.journey.json", CLIENT.resolve("tsconfig.journey.json"));
        Run tsc = npx(CLIENT, List.of("--yes", "-p", TYPESCRIPT, "tsc", "-p", "tsconfig.journey.json"), Map.of());
        if (tsc.exitCode() != 0) {
            fail("the journey script does not compile against the generated client:\n" + tsc.output());
        }
        String node = onPath("node").orElseThrow(() -> new AssertionError("node must be on the PATH"));
        Run journey = run(CLIENT, List.of(node, "dist/journey.js"), Map.of("GATEWAY", suite.gatewayUrl(),
                "TOKEN", suite.token(learner, java.util.Set.of("learner"), null, null), "LEARNER", learner));
        LOG.info(() -> "journey through the generated client:\n" + journey.output());
        assertThat(journey.exitCode()).as(journey.output()).isZero();
        assertThat(journey.output()).contains("journey done: " + learner);
    }

    record Run(int exitCode, String output) {
    }

    private static Run npx(Path directory, List<String> arguments) throws IOException, InterruptedException {
        return npx(directory, arguments, Map.of());
    }

    private static Run npx(Path directory, List<String> arguments, Map<String, String> environment)
            throws IOException, InterruptedException {
        String npx = onPath("npx").orElseThrow(() -> new AssertionError(
                "npx (Node.js 20 or newer with npm) must be on the PATH: the OpenAPI lint and the TypeScript client "
                        + "compile run @redocly/cli and typescript through it"));
        List<String> command = new ArrayList<>();
        command.add(npx);
        command.addAll(arguments);
        return run(directory, command, environment);
    }

    private static Run run(Path directory, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(TARGET.toAbsolutePath(), "npx-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 10 minutes; its output: " + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Run(process.exitValue(), output);
    }

    private static java.util.Optional<String> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate.toString());
            }
        }
        return java.util.Optional.empty();
    }

    private static Path copyResource(String resource, Path destination) throws IOException {
        try (InputStream in = OpenApiClientTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            Files.createDirectories(destination.getParent());
            Files.write(destination, in.readAllBytes());
        }
        return destination;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
