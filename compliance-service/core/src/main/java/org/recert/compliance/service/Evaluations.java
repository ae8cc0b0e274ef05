package org.recert.compliance.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.recert.compliance.domain.Credential;
import org.recert.compliance.domain.CreditFact;
import org.recert.compliance.domain.Evaluation;
import org.recert.compliance.domain.Evaluator;
import org.recert.compliance.domain.RuleSet;
import org.recert.compliance.status.StatusView;
import org.recert.compliance.store.CertificationEntity;
import org.recert.compliance.store.LearnerCreditEntity;
import org.recert.platform.problem.ProblemException;

/** Reads a learner's certification and credits from the projections and evaluates them; changes nothing. */
@ApplicationScoped
public class Evaluations {

    private final EntityManager entityManager;
    private final RuleSets ruleSets;
    private final CreditFacts facts;
    private final Clock clock;
    private final ComplianceConfig config;
    private final Counter evaluations;

    public Evaluations(EntityManager entityManager, RuleSets ruleSets, CreditFacts facts, Clock clock, ComplianceConfig config,
            MeterRegistry meters) {
        this.entityManager = entityManager;
        this.config = config;
        this.ruleSets = ruleSets;
        this.facts = facts;
        this.clock = clock;
        this.evaluations = Counter.builder("recert.compliance.evaluations").description("Evaluations of a learner's credits")
                .register(meters);
    }

    /** What an evaluation was made of, and its result; {@code rules} is the version the cycle was evaluated under. */
    public record Evaluated(RuleSet rules, CertificationEntity certification, List<LearnerCreditEntity> creditRows,
            List<CreditFact> credits, Evaluation evaluation, StatusView view) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The earliest day an evaluation or a certification may name. */
    public LocalDate earliestDay() {
        return LocalDate.parse(config.earliestDate());
    }

    /** An evaluation day: today when absent, otherwise within [earliest, today + maxAsOfYearsAhead]; a 400 naming asOf else. */
    public LocalDate asOf(LocalDate day) {
        LocalDate today = today();
        if (day == null) {
            return today;
        }
        LocalDate latest = today.plusYears(config.maxAsOfYearsAhead());
        if (day.isBefore(earliestDay()) || day.isAfter(latest)) {
            throw ProblemException.invalid("asOf", "must be between " + earliestDay() + " and " + latest);
        }
        return day;
    }

    /** Evaluates on a day in the cycle that was current then: a day before the current cycle falls in an earlier one. */
    public Evaluated evaluate(String learnerId, Credential credential, LocalDate asOf) {
        return evaluate(learnerId, credential, asOf, certificationOn(learnerId, credential.code(), asOf));
    }

    /**
     * The certification whose cycle held on a day: the current one when it had started by then, else the latest earlier
     * one that had; the current one (whose start is after the day) when none had.
     */
    public Optional<CertificationEntity> certificationOn(String learnerId, String credential, LocalDate day) {
        Optional<CertificationEntity> current = currentCertification(learnerId, credential, false);
        if (current.isEmpty() || !current.get().certifiedOn.isAfter(day)) {
            return current;
        }
        Optional<CertificationEntity> earlier = entityManager.createQuery("""
                from CertificationEntity where learnerId = :learner and credential = :credential and supersededAt is not null
                and certifiedOn <= :day order by certifiedOn desc, id desc""", CertificationEntity.class)
                .setParameter("learner", learnerId).setParameter("credential", credential).setParameter("day", day)
                .setMaxResults(1).getResultStream().findFirst();
        return earlier.isPresent() ? earlier : current;
    }

    /** Evaluates under the version of the credential's rules in force on the cycle's due date. */
    public Evaluated evaluate(String learnerId, Credential credential, LocalDate asOf, Optional<CertificationEntity> certification) {
        return evaluate(learnerId, credential, asOf, certification, credits(learnerId));
    }

    /** The same, on the learner's credit rows read already (one read serves several credentials). */
    public Evaluated evaluate(String learnerId, Credential credential, LocalDate asOf, Optional<CertificationEntity> certification,
            List<LearnerCreditEntity> rows) {
        List<CreditFact> credits = rows.stream().map(facts::credit).toList();
        LocalDate certifiedOn = certification.map(c -> c.certifiedOn).orElse(null);
        RuleSet rules = credential.versionFor(certifiedOn);
        int atRiskDays = ruleSets.atRiskDays(rules);
        Evaluation evaluation = Evaluator.evaluate(rules, certifiedOn, credits, asOf, atRiskDays);
        evaluations.increment();
        return new Evaluated(rules, certification.orElse(null), rows, credits, evaluation,
                StatusView.of(learnerId, rules, certifiedOn, evaluation, atRiskDays));
    }

    /** The current certification; {@code lock} holds it until commit, so that one learner's updates queue up. */
    public Optional<CertificationEntity> currentCertification(String learnerId, String credential, boolean lock) {
        var query = entityManager.createQuery("""
                from CertificationEntity where learnerId = :learner and credential = :credential and supersededAt is null""",
                CertificationEntity.class)
                .setParameter("learner", learnerId).setParameter("credential", credential);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    /** The learner's current certification in every credential held. */
    public List<CertificationEntity> currentCertifications(String learnerId) {
        return entityManager.createQuery("from CertificationEntity where learnerId = :learner and supersededAt is null",
                CertificationEntity.class).setParameter("learner", learnerId).getResultList();
    }

    /** Credentials in which the learner holds a current certification. */
    public List<String> certifiedCredentials(String learnerId) {
        return entityManager.createQuery("""
                select credential from CertificationEntity where learnerId = :learner and supersededAt is null order by credential""",
                String.class).setParameter("learner", learnerId).getResultList();
    }

    public List<LearnerCreditEntity> credits(String learnerId) {
        return entityManager.createQuery("from LearnerCreditEntity where learnerId = :learner order by completedOn, creditId",
                LearnerCreditEntity.class).setParameter("learner", learnerId).getResultList();
    }
}
