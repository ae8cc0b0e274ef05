package org.recert.compliance.employers;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.recert.compliance.domain.RuleSetLoader;
import org.recert.platform.problem.ProblemException;

/** The credential codes this service has rule sets for; employers ask about these only. */
@ApplicationScoped
public class Credentials {

    private final Set<String> codes = Set.copyOf(RuleSetLoader.loadAll().keySet());

    public Set<String> codes() {
        return codes;
    }

    /** {@code code} itself when known; a 400 naming {@code field} otherwise. */
    public String require(String code, String field) {
        if (code == null || !codes.contains(code)) {
            throw ProblemException.invalid(field, "must be one of " + new java.util.TreeSet<>(codes));
        }
        return code;
    }
}
