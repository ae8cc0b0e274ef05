package org.recert.compliance.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.recert.compliance.domain.CourseOffer;
import org.recert.compliance.domain.CreditFact;
import org.recert.compliance.domain.Evaluation;
import org.recert.compliance.domain.PlanLimits;
import org.recert.compliance.domain.RecertificationPlan;
import org.recert.compliance.domain.RecertificationPlanner;
import org.recert.compliance.domain.RuleSet;

/**
 * The last plan worked out for each learner, credential and options, answered again while every input of the search
 * is equal to the one it was made from. The search is most of a plan's cost (a dashboard asks for a plan per
 * credential on every view) and a pure function of these inputs, so a kept plan is the one a new search would find:
 * a new credit, a correction, a certification, a catalog change (a new {@link PlanCatalog} snapshot), a new rule set
 * or a new day makes the inputs differ and the plan is searched again, on whichever replica is asked. Bounded: the
 * least recently asked slot goes first.
 */
public final class RecentPlans {

    /** Everything {@link RecertificationPlanner#plan} reads. */
    public record Inputs(RuleSet rules, Evaluation current, List<CreditFact> credits, LocalDate certifiedOn, LocalDate asOf,
            List<CourseOffer> catalog, Set<String> takenCourseIds, BigDecimal budget, boolean approvedOnly, PlanLimits limits) {

        RecertificationPlan search() {
            return RecertificationPlanner.plan(rules, current, credits, certifiedOn, asOf, catalog, takenCourseIds, budget,
                    approvedOnly, limits);
        }
    }

    private record Slot(String learnerId, String credential, BigDecimal budget, boolean approvedOnly) {
    }

    private record Kept(Inputs inputs, RecertificationPlan plan) {
    }

    private final Map<Slot, Kept> kept;

    /** {@code capacity}: most slots kept; 0 searches every time. */
    public RecentPlans(int capacity) {
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Slot, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The learner's plan for these inputs: the kept one when they are unchanged, else a new search, then kept. */
    public RecertificationPlan plan(String learnerId, Inputs inputs) {
        Slot slot = new Slot(learnerId, inputs.rules().code(), inputs.budget(), inputs.approvedOnly());
        Kept held;
        synchronized (kept) {
            held = kept.get(slot);
        }
        if (held != null && held.inputs().equals(inputs)) {
            return held.plan();
        }
        // searched outside the lock: two requests for one slot may both search, and both find the same plan
        RecertificationPlan plan = inputs.search();
        synchronized (kept) {
            kept.put(slot, new Kept(inputs, plan));
        }
        return plan;
    }
}
