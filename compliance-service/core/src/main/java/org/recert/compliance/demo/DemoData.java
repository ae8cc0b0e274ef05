package org.recert.compliance.demo;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;
import org.recert.compliance.service.CertificationService;
import org.recert.compliance.service.DemoDataConfig;
import org.recert.compliance.service.RuleSets;

/**
 * The demo learners' certifications (docs/contracts.md), loaded at start when {@code recert.demo-data.enabled=true}
 * through the service itself; recording the same date again changes nothing, so a restart loads nothing twice.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final boolean enabled;
    private final CertificationService certifications;
    private final RuleSets ruleSets;

    public DemoData(DemoDataConfig config, CertificationService certifications, RuleSets ruleSets) {
        this.enabled = config.enabled();
        this.certifications = certifications;
        this.ruleSets = ruleSets;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    /** Certifies maria and james in CMA (AAMA) unless they already hold a certification there. */
    public void load() {
        certifyOnce("maria", LocalDate.parse("2022-03-15"));
        certifyOnce("james", LocalDate.parse("2024-06-01"));
    }

    private void certifyOnce(String learnerId, LocalDate certifiedOn) {
        if (certifications.history(learnerId, "CMA_AAMA").isEmpty()) {
            certifications.certify(learnerId, ruleSets.byPath("CMA_AAMA"), certifiedOn, "demo-data");
            LOG.infof("demo data: %s certified in CMA_AAMA on %s", learnerId, certifiedOn);
        }
    }
}
