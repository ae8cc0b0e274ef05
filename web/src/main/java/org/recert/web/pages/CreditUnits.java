package org.recert.web.pages;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** The units a credit is issued in, as the record-a-credit form explains them: CEU and CME are different things. */
@TemplateData
public record CreditUnits(String code, String name, String explanation) {

    static final List<CreditUnits> ALL = List.of(
            new CreditUnits("AAMA_CEU", "AAMA CEU",
                    "A continuing education unit approved by the AAMA: 1 CEU is 1 point for the CMA (AAMA), and counts toward the 30 AAMA points."),
            new CreditUnits("CONTACT_HOUR", "Contact hour",
                    "One 50-minute session of instruction: 1 point. Counts only if the activity relates to medical assisting and carries formal credit."),
            new CreditUnits("CME_CREDIT", "CME credit",
                    "Continuing medical education credit (for physicians, e.g. AMA PRA Category 1): one per hour of activity. Not the same as a CEU."),
            new CreditUnits("IACET_CEU", "IACET CEU",
                    "A CEU of the IACET standard: 1 CEU is 10 contact hours, so 1 IACET CEU is 10 points (non-AAMA)."),
            new CreditUnits("COLLEGE_CREDIT", "College credit",
                    "A quarter or semester college credit: 15 points, non-AAMA. A course spanning categories is split by time."),
            new CreditUnits("CPR_CARD", "CPR card",
                    "A 2-year provider-level CPR card issued in your cycle: 4 CLINICAL AAMA points, at most 3 cards. Enter 1 per card."));
}
