package org.recert.compliance.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.recert.compliance.domain.CourseOffer;
import org.recert.compliance.domain.RecertificationPlan;
import org.recert.compliance.domain.RecertificationPlanner;
import org.recert.compliance.domain.RuleSet;
import org.recert.compliance.status.StatusView;
import org.recert.compliance.store.CatalogCourseEntity;

/** The cheapest way to close a learner's gap, from the course read model. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlanService {

    private static final Logger LOG = Logger.getLogger(PlanService.class);

    private final EntityManager entityManager;
    private final Evaluations evaluations;
    private final CreditFacts facts;
    private final RuleSets ruleSets;

    public PlanService(EntityManager entityManager, Evaluations evaluations, CreditFacts facts, RuleSets ruleSets) {
        this.entityManager = entityManager;
        this.evaluations = evaluations;
        this.facts = facts;
        this.ruleSets = ruleSets;
    }

    /** A proposed course, as the catalog describes it. */
    public record PlannedCourse(String courseId, String title, String providerId, String providerName, String format,
            String feeModel, BigDecimal fee, String currency, BigDecimal amount, String unit, String approval, int contactMinutes) {
    }

    public record PlanView(String learnerId, String credential, LocalDate asOf, boolean feasible, String infeasibility,
            String reason, List<PlannedCourse> courses, List<String> subscribedProviders, BigDecimal totalFee, String currency,
            int totalContactMinutes, BigDecimal budget, boolean approvedOnly, StatusView current, StatusView projected) {
    }

    public PlanView plan(String learnerId, RuleSet rules, BigDecimal budget, boolean approvedOnly) {
        LocalDate today = evaluations.today();
        Evaluations.Evaluated current = evaluations.evaluate(learnerId, rules, today);
        List<CatalogCourseEntity> rows = entityManager.createQuery("from CatalogCourseEntity where status <> :retired",
                CatalogCourseEntity.class).setParameter("retired", CreditFacts.RETIRED).getResultList();
        Map<String, CatalogCourseEntity> byId = new HashMap<>();
        List<CourseOffer> catalog = new ArrayList<>();
        for (CatalogCourseEntity row : rows) {
            try {
                catalog.add(facts.course(row));
                byId.put(row.courseId, row);
            } catch (IllegalArgumentException e) {
                LOG.warnf("course %s left out of plans: %s", row.courseId, e.getMessage());
            }
        }
        Set<String> taken = current.creditRows().stream()
                .filter(row -> row.courseId != null && !CreditFacts.REVOKED.equals(row.status))
                .map(row -> row.courseId).collect(Collectors.toSet());
        LocalDate certifiedOn = current.certification() == null ? null : current.certification().certifiedOn;
        RecertificationPlan plan = RecertificationPlanner.plan(rules, current.evaluation(), current.credits(), certifiedOn, today,
                catalog, taken, budget, approvedOnly);
        List<PlannedCourse> courses = plan.courses().stream().map(offer -> {
            CatalogCourseEntity row = byId.get(offer.courseId());
            return new PlannedCourse(offer.courseId(), offer.title(), offer.providerId(), row.providerName, row.format,
                    row.feeModel, row.fee, row.currency, row.amount, row.unit, offer.approvalOn(today).name(), offer.contactMinutes());
        }).toList();
        int atRiskDays = ruleSets.atRiskDays(rules);
        StatusView projected = StatusView.of(learnerId, rules, certifiedOn, plan.projected(), atRiskDays);
        String currency = courses.stream().map(PlannedCourse::currency).findFirst().orElse("USD");
        return new PlanView(learnerId, rules.code(), today, plan.feasible(),
                plan.infeasibility() == null ? null : plan.infeasibility().name(), plan.reason(), courses, plan.subscribedProviders(),
                plan.totalFee(), currency, plan.totalContactMinutes(), budget, approvedOnly, current.view(), projected);
    }

}
