package org.recert.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;

/** How long a service takes to stop after SIGTERM, from the platform's defaults: what a grace period must cover. */
final class PlatformShutdown {

    private PlatformShutdown() {
    }

    /** quarkus.shutdown.delay (readiness DOWN, still serving) + quarkus.shutdown.timeout (draining). */
    static Duration budget() {
        Properties platform = Repo.properties(Repo.path("platform/web/src/main/resources/META-INF/microprofile-config.properties"));
        assertThat(platform.getProperty("quarkus.shutdown.delay-enabled")).as("readiness DOWN while draining").isEqualTo("true");
        return seconds(platform.getProperty("quarkus.shutdown.delay")).plus(seconds(platform.getProperty("quarkus.shutdown.timeout")));
    }

    static Duration seconds(String value) {
        assertThat(value).as("a duration in seconds").matches("[0-9]+s");
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
    }
}
