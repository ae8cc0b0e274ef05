package org.recert.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void shouldAppendTheEnvironmentsJvmOptionsAfterTheLaunchersSoTheyWin() {
        List<String> options = ServiceProcess.withExtraOptions(List.of("-XX:MaxNewSize=32m", "-XX:+UseSerialGC"),
                Map.of(ServiceProcess.EXTRA_JVM_OPTIONS, " -XX:NativeMemoryTracking=summary \t -XX:MaxNewSize=16m "));

        assertEquals(List.of("-XX:MaxNewSize=32m", "-XX:+UseSerialGC", "-XX:NativeMemoryTracking=summary", "-XX:MaxNewSize=16m"),
                options);
    }

    @Test
    void shouldKeepTheLaunchersJvmOptionsWhenNoneAreGiven() {
        assertEquals(ServiceProcess.PRODUCTION_JVM, ServiceProcess.withExtraOptions(ServiceProcess.PRODUCTION_JVM, Map.of()));
        assertEquals(ServiceProcess.PRODUCTION_JVM, ServiceProcess.withExtraOptions(ServiceProcess.PRODUCTION_JVM,
                Map.of(ServiceProcess.EXTRA_JVM_OPTIONS, "  ")));
    }
}
