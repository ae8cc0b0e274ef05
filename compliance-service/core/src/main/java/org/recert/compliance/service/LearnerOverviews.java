package org.recert.compliance.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.recert.compliance.domain.Credential;
import org.recert.compliance.status.StatusView;
import org.recert.compliance.store.CertificationEntity;
import org.recert.compliance.store.LearnerCreditEntity;
import org.recert.platform.problem.Problem;
import org.recert.platform.problem.ProblemException;

/**
 * A learner's status and cheapest plan in every credential at once, as a dashboard shows them: the credentials asked
 * for first, then every other one the learner holds. One read of the learner's certifications and credits serves all
 * of them, and each credential is evaluated once for its status and its plan (a plan carries the status it starts
 * from). A code that names no credential is refused as a whole (400 naming {@code credential}), as GET status refuses
 * it; a credential that cannot be answered for this learner carries its problem instead, and the others are still
 * answered.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LearnerOverviews {

    private static final Logger LOG = Logger.getLogger(LearnerOverviews.class);

    private final Evaluations evaluations;
    private final RuleSets ruleSets;
    private final PlanService plans;

    public LearnerOverviews(Evaluations evaluations, RuleSets ruleSets, PlanService plans) {
        this.evaluations = evaluations;
        this.ruleSets = ruleSets;
        this.plans = plans;
    }

    /** One credential: its status and plan as GET status and GET plan answer them, or the problem each would have been. */
    @Schema(name = "CredentialOverview")
    public record CredentialOverview(String credential,
            @Schema(nullable = true, description = "as GET .../status answers; null when statusProblem says why") StatusView status,
            @Schema(nullable = true, description = "as GET .../plan answers (no budget, every course); null when planProblem says why")
            PlanService.PlanView plan,
            @Schema(nullable = true, description = "the problem GET .../status would have answered") Problem statusProblem,
            @Schema(nullable = true, description = "the problem GET .../plan would have answered") Problem planProblem) {
    }

    @Schema(name = "ComplianceOverview", description = "A learner's status and cheapest plan in each credential asked for and held")
    public record Overview(String learnerId, LocalDate asOf, List<CredentialOverview> credentials) {
    }

    /** {@code shown}: credentials answered first, held or not, in this order; then the other held ones by code. */
    public Overview overview(String learnerId, List<String> shown) {
        shown.forEach(code -> ruleSets.byField("credential", code));
        LocalDate today = evaluations.today();
        Map<String, CertificationEntity> held = evaluations.currentCertifications(learnerId).stream()
                .collect(Collectors.toMap(certification -> certification.credential, Function.identity(), (a, b) -> a));
        Set<String> credentials = new LinkedHashSet<>(shown);
        held.keySet().stream().sorted().forEach(credentials::add);
        List<LearnerCreditEntity> credits = evaluations.credits(learnerId);
        List<CredentialOverview> overviews = new ArrayList<>();
        for (String code : credentials) {
            overviews.add(overview(learnerId, code, today, held.get(code), credits));
        }
        return new Overview(learnerId, today, overviews);
    }

    private CredentialOverview overview(String learnerId, String code, LocalDate today, CertificationEntity current,
            List<LearnerCreditEntity> credits) {
        Evaluations.Evaluated evaluated;
        try {
            Credential credential = ruleSets.byField("credential", code);
            // a cycle that starts after today is not today's: the earlier one is found as GET status finds it
            Optional<CertificationEntity> certification = current == null || !current.certifiedOn.isAfter(today)
                    ? Optional.ofNullable(current) : evaluations.certificationOn(learnerId, code, today);
            evaluated = evaluations.evaluate(learnerId, credential, today, certification, credits);
        } catch (ProblemException e) {
            Problem problem = e.toProblem();
            return new CredentialOverview(code, null, null, problem, problem);
        }
        try {
            return new CredentialOverview(code, evaluated.view(), plans.plan(learnerId, evaluated, null, false), null, null);
        } catch (ProblemException e) {
            return new CredentialOverview(code, evaluated.view(), null, null, e.toProblem());
        } catch (RuntimeException e) {
            // the status stands on its own, as it did when status and plan were separate calls
            LOG.errorf(e, "the plan of %s in %s failed", learnerId, code);
            return new CredentialOverview(code, evaluated.view(), null, null,
                    ProblemException.unavailable("the plan could not be worked out just now").toProblem());
        }
    }
}
