package org.recert.compliance.service;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.recert.compliance.domain.Credential;
import org.recert.compliance.domain.RuleSet;
import org.recert.compliance.domain.RuleSetLoader;
import org.recert.platform.problem.ProblemException;

/**
 * The credentials this service knows, with every dated version of their rules, loaded once from the rule files on the
 * classpath; a bad file, or a rule without a source, stops the start.
 */
@ApplicationScoped
public class RuleSets {

    private final Map<String, Credential> byCode = RuleSetLoader.loadAll();
    private final ComplianceConfig config;

    public RuleSets(ComplianceConfig config) {
        this.config = config;
    }

    public Collection<Credential> all() {
        return byCode.values();
    }

    public Optional<Credential> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** A credential named in the path: unknown is 404. */
    public Credential byPath(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("credential " + code));
    }

    /** A credential named in a query or body field: missing or unknown is 400 naming the field. */
    public Credential byField(String field, String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid(field, "is required, one of " + byCode.keySet());
        }
        return find(code).orElseThrow(() -> ProblemException.invalid(field, "unknown credential " + code + ", one of " + byCode.keySet()));
    }

    /** The at-risk window for a credential: the configured one, else the rule file's. */
    public int atRiskDays(RuleSet rules) {
        return config.atRiskDays().orElse(rules.atRiskDays());
    }
}
