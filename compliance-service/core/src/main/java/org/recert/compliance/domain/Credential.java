package org.recert.compliance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A credential and the dated versions of its rules, oldest first.
 *
 * <p>A cycle is evaluated under the version in force on its <em>due date</em>: policies govern the recertification a
 * learner applies for, and one applies by the due date (the AAMA dropped the CPR requirement for recertifications from
 * 2013-06-01 and applied the 90-day late window to credentials expiring from 2020-01-01). A rule that depends on when a
 * credit was earned rather than when the cycle ends says so itself (an {@link ActivityExclusion} with a start day). A due
 * date before the first version is evaluated under the first.
 */
public record Credential(String code, String name, String issuer, Map<String, Source> sources, List<RuleSet> versions) {

    public Credential {
        Objects.requireNonNull(code, "code");
        sources = sources == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new InvalidRuleSetException(code + " has no version");
        }
        LocalDate previous = null;
        List<String> names = new ArrayList<>();
        for (RuleSet version : versions) {
            if (!version.code().equals(code)) {
                throw new InvalidRuleSetException("a version of " + code + " names credential " + version.code());
            }
            if (names.contains(version.version())) {
                throw new InvalidRuleSetException(code + " lists version " + version.version() + " twice");
            }
            names.add(version.version());
            if (versions.size() > 1 && version.effectiveFrom() == null) {
                throw new InvalidRuleSetException(code + " version " + version.version() + " needs an effectiveFrom date");
            }
            if (previous != null && !version.effectiveFrom().isAfter(previous)) {
                throw new InvalidRuleSetException(code + " versions must be listed oldest first, each effective later");
            }
            previous = version.effectiveFrom();
        }
    }

    /** The version in force now and for cycles due from its effective date on. */
    public RuleSet latest() {
        return versions.get(versions.size() - 1);
    }

    /** The version that governs the cycle starting on a certification date: the one in force on its due date. */
    public RuleSet versionFor(LocalDate certifiedOn) {
        if (certifiedOn == null) {
            return latest();
        }
        for (int i = versions.size() - 1; i > 0; i--) {
            RuleSet candidate = versions.get(i);
            // Each version computes the due date its own way, so no version decides another's reach.
            if (!CycleWindow.dueDate(candidate, certifiedOn).isBefore(candidate.effectiveFrom())) {
                return candidate;
            }
        }
        return versions.get(0);
    }

    /** Fails when a rule of a version has no citation, or a citation names no rule of its version. */
    public void requireEveryRuleCited() {
        for (RuleSet version : versions) {
            List<String> keys = version.ruleKeys();
            for (String key : keys) {
                if (!version.citations().containsKey(key)) {
                    throw new InvalidRuleSetException(code + " version " + version.version() + ": rule " + key + " has no source");
                }
            }
            for (String cited : version.citations().keySet()) {
                if (!keys.contains(cited)) {
                    throw new InvalidRuleSetException(code + " version " + version.version() + " cites " + cited
                            + ", which is not one of its rules " + keys);
                }
            }
        }
    }
}
