package org.recert.credits.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.recert.credits.domain.Approval;
import org.recert.credits.domain.Category;
import org.recert.credits.domain.Credit;
import org.recert.credits.domain.CreditUnit;
import org.recert.credits.domain.Decimals;
import org.recert.credits.domain.Transcript;

/**
 * A transcript as a spreadsheet opens it: a header row, one CREDIT row per active credit, then TOTAL rows
 * (per approval, ALL included, per unit as issued, and in contact-hour equivalents). Every row's category
 * columns are in that row's unit. Text that a spreadsheet would run as a formula is prefixed with '.
 */
public final class TranscriptCsv {

    public static final String CONTACT_HOUR_EQUIVALENT = "CONTACT_HOUR_EQUIVALENT";
    public static final List<String> HEADER = List.of("Row type", "Credit id", "Completed on", "Activity type", "Title", "Provider",
            "Approval", "Unit", "Amount", "Administrative", "Clinical", "General", "Contact hour equivalent", "Source", "Version",
            "Verification");

    private static final CsvMapper CSV = new CsvMapper();

    private TranscriptCsv() {
    }

    /** A byte order mark: without it, Excel reads UTF-8 text (accents in titles) as another encoding. */
    public static final String BOM = "\uFEFF";

    public static String write(Transcript transcript) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Credit c : transcript.credits()) {
            rows.add(List.of("CREDIT", c.id().toString(), c.completedOn().toString(), c.activityType().name(), safe(c.title()),
                    safe(c.providerName()), c.approval().name(), c.amount().unit().name(), number(c.amount().value()),
                    number(c.content().valueIn(Category.ADMINISTRATIVE)), number(c.content().valueIn(Category.CLINICAL)),
                    number(c.content().valueIn(Category.GENERAL)), number(c.contactHourEquivalent()), c.source().name(),
                    String.valueOf(c.version()), c.verification().name()));
        }
        List<Credit> credits = transcript.credits();
        totals(rows, "ALL", credits);
        for (Approval approval : Approval.values()) {
            totals(rows, approval.name(), credits.stream().filter(c -> c.approval() == approval).toList());
        }
        try {
            CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n");
            return BOM + CSV.writer(schema).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the transcript as CSV", e);
        }
    }

    private static void totals(List<List<String>> rows, String approval, List<Credit> credits) {
        for (CreditUnit unit : CreditUnit.values()) {
            List<Credit> inUnit = credits.stream().filter(c -> c.amount().unit() == unit).toList();
            if (inUnit.isEmpty()) {
                continue;
            }
            rows.add(List.of("TOTAL", "", "", "", "", "", approval, unit.name(), number(sum(inUnit, null)),
                    number(sum(inUnit, Category.ADMINISTRATIVE)), number(sum(inUnit, Category.CLINICAL)),
                    number(sum(inUnit, Category.GENERAL)), unit.contactHoursPerUnit().isPresent() ? number(hours(inUnit, null)) : "",
                    "", "", ""));
        }
        BigDecimal allHours = hours(credits, null);
        rows.add(List.of("TOTAL", "", "", "", "", "", approval, CONTACT_HOUR_EQUIVALENT, number(allHours),
                number(hours(credits, Category.ADMINISTRATIVE)), number(hours(credits, Category.CLINICAL)),
                number(hours(credits, Category.GENERAL)), number(allHours), "", "", ""));
    }

    private static BigDecimal sum(List<Credit> credits, Category category) {
        return credits.stream().map(c -> category == null ? c.amount().value() : c.content().valueIn(category))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Contact-hour equivalent of the credits (or of their part in {@code category}); units without one add nothing. */
    private static BigDecimal hours(List<Credit> credits, Category category) {
        return credits.stream()
                .map(c -> c.amount().unit().contactHourEquivalent(category == null ? c.amount().value() : c.content().valueIn(category))
                        .orElse(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : Decimals.normalize(value).toPlainString();
    }

    /** Free text from learners and providers must not run as a formula when the file is opened. */
    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }
}
