package org.recert.system.api;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.function.Executable;

/**
 * Service bugs these tests found and reported, not yet fixed (the API tests do not change services). A check listed
 * here that fails is reported as skipped with the bug's description instead of failing the build; once the service is
 * fixed the check simply passes, and its entry should be removed. Any other failure fails.
 */
final class KnownServiceBugs {

    private static final Map<String, String> BUGS = Map.of(
            "HTTP-layer refusals without problem+json",
            "the gateway's HTTP layer answers 414 (request line over 8 KiB) and 413 (oversize body to its own /dev/tokens) "
                    + "with an empty body and no Content-Type, not problem+json");

    private KnownServiceBugs() {
    }

    static void check(String bug, Executable assertion) throws Throwable {
        String description = BUGS.get(bug);
        if (description == null) {
            throw new IllegalArgumentException("not a known bug: " + bug);
        }
        try {
            assertion.execute();
        } catch (AssertionError e) {
            Assumptions.abort("known service bug, reported: " + description + " (" + e.getMessage() + ")");
        }
    }
}
