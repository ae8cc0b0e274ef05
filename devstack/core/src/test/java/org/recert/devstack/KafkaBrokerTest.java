package org.recert.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void shouldNeverMakeAClusterIdThatTheStorageToolTakesForAnOption() {
        // one id in 64 would start with '-' if nothing prevented it
        for (int i = 0; i < 20_000; i++) {
            String id = KafkaBroker.base64Uuid();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
        }
    }
}
