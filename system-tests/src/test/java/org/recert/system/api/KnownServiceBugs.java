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
            "Location of a 201 through the gateway",
            "services answer Location with their own address (http://127.0.0.1:8081/...), not the gateway's: "
                    + "they ignore X-Forwarded-Host/Proto (quarkus.http.proxy.proxy-address-forwarding is off)",
            "HTTP-layer refusals without problem+json",
            "the gateway's HTTP layer answers 414 (request line over 8 KiB) and 413 (oversize body to its own /dev/tokens) "
                    + "with an empty body and no Content-Type, not problem+json",
            "NUL in text",
            "a NUL character (\\u0000) in any text field, query or path value that reaches PostgreSQL answers 500: catalog "
                    + "(courses, providers, q search), credits (credits, corrections, revocation reason, completion rows); "
                    + "PostgreSQL text cannot hold NUL, so the services should refuse it with 400 naming the field",
            "organization from text/plain",
            "POST /api/v1/compliance/organizations with Content-Type text/plain answers 201 and creates an organization "
                    + "named after the raw body ({\"name\":\"Care Clinic\"} becomes the name): the resource reads any media type",
            "budget=1e309",
            "GET /api/v1/compliance/learners/{id}/plan?budget=1e309 answers 200 (10^40 is refused with 400): "
                    + "a BigDecimal of tiny precision and huge exponent passes the digit check");

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
