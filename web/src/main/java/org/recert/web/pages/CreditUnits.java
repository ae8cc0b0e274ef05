package org.recert.web.pages;

import java.util.Arrays;
import java.util.List;

import io.quarkus.qute.TemplateData;
import org.recert.contracts.CreditUnit;

/**
 * The units a credit is issued in, as the forms name and explain them: what each unit is, never what it is worth.
 * What it is worth belongs to each credential's rule set ({@link UnitWorth}): CEU and CME are different things.
 */
@TemplateData
public record CreditUnits(String code, String name, String explanation) {

    /** Every unit of the wire vocabulary, in its order: a new unit does not compile until it is explained here. */
    static final List<CreditUnits> ALL = Arrays.stream(CreditUnit.values()).map(CreditUnits::of).toList();

    private static CreditUnits of(CreditUnit unit) {
        return switch (unit) {
            case AAMA_CEU -> new CreditUnits(unit.name(), "AAMA CEU",
                    "A continuing education unit approved by the AAMA. Not the same as a CME credit.");
            case CONTACT_HOUR -> new CreditUnits(unit.name(), "Contact hour",
                    "One 50-minute session of instruction that carries formal credit.");
            case IACET_CEU -> new CreditUnits(unit.name(), "IACET CEU",
                    "A CEU of the IACET standard, a measure of contact hours. Not the same as an AAMA CEU.");
            case CME_CREDIT -> new CreditUnits(unit.name(), "CME credit",
                    "Continuing medical education credit (for physicians, e.g. AMA PRA Category 1): one per hour of activity. Not the same as a CEU.");
            case COLLEGE_CREDIT -> new CreditUnits(unit.name(), "College credit",
                    "A quarter or semester college credit. A course spanning categories is split by the time spent on each.");
            case CPR_CARD -> new CreditUnits(unit.name(), "CPR card",
                    "A provider-level CPR card issued in your cycle. Enter one per card.");
        };
    }
}
