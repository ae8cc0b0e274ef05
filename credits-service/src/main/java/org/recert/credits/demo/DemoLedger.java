package org.recert.credits.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;
import org.recert.credits.service.NewCredit;
import org.recert.credits.config.DemoDataConfig;
import org.recert.contracts.ActivityType;
import org.recert.credits.domain.Amount;
import org.recert.contracts.Approval;
import org.recert.contracts.Category;
import org.recert.credits.domain.CategoryValue;
import org.recert.contracts.CreditSource;
import org.recert.contracts.CreditUnit;
import org.recert.credits.domain.Evidence;
import org.recert.credits.service.CreditLedger;

/**
 * The demo ledger of contracts.md's learners, recorded through the ledger itself (so the events go out too).
 * Each credit has a fixed idempotency key, so a restart records nothing twice. Off unless
 * {@code recert.demo-data.enabled=true}.
 */
@ApplicationScoped
public class DemoLedger {

    private static final Logger LOG = Logger.getLogger(DemoLedger.class);
    static final String RECORDED_BY = "demo-data";

    private record DemoCredit(String learnerId, String key, NewCredit request) {
    }

    private final DemoDataConfig config;
    private final CreditLedger ledger;

    public DemoLedger(DemoDataConfig config, CreditLedger ledger) {
        this.config = config;
        this.ledger = ledger;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        int replayed = 0;
        List<DemoCredit> credits = credits();
        for (DemoCredit credit : credits) {
            if (ledger.record(credit.learnerId(), credit.key(), credit.request(), CreditSource.LEARNER_REPORTED, RECORDED_BY).replayed()) {
                replayed++;
            }
        }
        LOG.infof("demo ledger: %d credits, %d new", credits.size(), credits.size() - replayed);
    }

    /** Maria (certified 2022-03-15): AAMA and non-AAMA credit, a CPR card, continued employment. James: two credits. */
    static List<DemoCredit> credits() {
        return List.of(
                new DemoCredit("maria", "demo-maria-1", credit(ActivityType.ONLINE_WORKSHOP, "Infection control and standard precautions",
                        "AAMA e-Learning Center", "2023-05-10", "5", CreditUnit.AAMA_CEU, Approval.AAMA, 300,
                        part(Category.CLINICAL, "5"))),
                new DemoCredit("maria", "demo-maria-2", credit(ActivityType.SEMINAR, "Coding and billing essentials",
                        "AAMA e-Learning Center", "2024-02-20", "4", CreditUnit.AAMA_CEU, Approval.AAMA, 240,
                        part(Category.ADMINISTRATIVE, "4"))),
                new DemoCredit("maria", "demo-maria-3", credit(ActivityType.CONFERENCE, "AAMA annual conference 2024",
                        "American Association of Medical Assistants", "2024-10-05", "6", CreditUnit.AAMA_CEU, Approval.AAMA, 360,
                        part(Category.GENERAL, "3"), part(Category.CLINICAL, "3"))),
                new DemoCredit("maria", "demo-maria-4", credit(ActivityType.LOCAL_WORKSHOP, "Communicating with patients in crisis",
                        "County Health Education Network", "2025-03-12", "3", CreditUnit.CONTACT_HOUR, Approval.NON_AAMA, 180,
                        part(Category.GENERAL, "3"))),
                new DemoCredit("maria", "demo-maria-5", credit(ActivityType.CPR_CERTIFICATION, "BLS Provider (CPR and AED)",
                        "American Heart Association", "2024-08-01", "1", CreditUnit.CPR_CARD, Approval.NON_AAMA, null,
                        part(Category.CLINICAL, "1"))),
                new DemoCredit("maria", "demo-maria-6", credit(ActivityType.CONTINUED_EMPLOYMENT, "Medical assistant, Care Clinic",
                        "Care Clinic", "2025-06-30", "10", CreditUnit.CONTACT_HOUR, Approval.NON_AAMA, 600,
                        part(Category.ADMINISTRATIVE, "10"))),
                new DemoCredit("james", "demo-james-1", credit(ActivityType.ONLINE_WORKSHOP, "Phlebotomy refresher",
                        "AAMA e-Learning Center", "2025-01-15", "2", CreditUnit.AAMA_CEU, Approval.AAMA, 120,
                        part(Category.CLINICAL, "2"))),
                new DemoCredit("james", "demo-james-2", credit(ActivityType.FORMAL_CLASS, "HIPAA privacy and security",
                        "Community College Continuing Ed", "2025-09-10", "0.5", CreditUnit.IACET_CEU, Approval.NON_AAMA, 300,
                        part(Category.ADMINISTRATIVE, "0.5"))));
    }

    private static NewCredit credit(ActivityType type, String title, String provider, String completedOn, String amount,
            CreditUnit unit, Approval approval, Integer minutes, CategoryValue... parts) {
        return new NewCredit(type, title, provider, null, LocalDate.parse(completedOn), new Amount(new BigDecimal(amount), unit),
                List.of(parts), approval, minutes, new Evidence(provider, null, null, null));
    }

    private static CategoryValue part(Category category, String value) {
        return new CategoryValue(category, new BigDecimal(value));
    }
}
