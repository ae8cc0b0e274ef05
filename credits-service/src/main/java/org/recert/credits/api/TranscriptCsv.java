package org.recert.credits.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.recert.contracts.Approval;
import org.recert.contracts.Category;
import org.recert.credits.domain.ContactHours;
import org.recert.credits.domain.Credit;
import org.recert.contracts.CreditUnit;
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

    /**
     * Writes the CREDIT rows as {@code credits} hands them over (never all in memory), then the TOTAL rows of the
     * period's {@code sums}.
     */
    public static void write(OutputStream output, List<Transcript.Sum> sums, Consumer<Consumer<Credit>> credits) throws IOException {
        Writer text = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        text.write(BOM);
        try (SequenceWriter writer = CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(text)) {
            writer.write(HEADER);
            try {
                credits.accept(c -> {
                    try {
                        writer.write(List.of("CREDIT", c.id().toString(), c.completedOn().toString(), c.activityType().name(),
                                safe(c.title()), safe(c.providerName()), c.approval().name(), c.amount().unit().name(),
                                number(c.amount().value()), number(c.content().valueIn(Category.ADMINISTRATIVE)),
                                number(c.content().valueIn(Category.CLINICAL)), number(c.content().valueIn(Category.GENERAL)),
                                number(c.contactHourEquivalent()), c.source().name(), String.valueOf(c.version()),
                                c.verification().name()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            totals(writer, "ALL", sums);
            for (Approval approval : Approval.values()) {
                totals(writer, approval.name(), sums.stream().filter(sum -> sum.approval() == approval).toList());
            }
        }
    }

    private static void totals(SequenceWriter writer, String approval, List<Transcript.Sum> sums) throws IOException {
        for (CreditUnit unit : CreditUnit.values()) {
            List<Transcript.Sum> inUnit = sums.stream().filter(sum -> sum.unit() == unit).toList();
            if (inUnit.isEmpty()) {
                continue;
            }
            writer.write(List.of("TOTAL", "", "", "", "", "", approval, unit.name(), number(sum(inUnit, Transcript.Sum::amount)),
                    number(sum(inUnit, s -> s.in(Category.ADMINISTRATIVE))), number(sum(inUnit, s -> s.in(Category.CLINICAL))),
                    number(sum(inUnit, s -> s.in(Category.GENERAL))),
                    ContactHours.perUnit(unit).isPresent() ? number(hours(inUnit, Transcript.Sum::amount)) : "", "", "", ""));
        }
        BigDecimal allHours = hours(sums, Transcript.Sum::amount);
        writer.write(List.of("TOTAL", "", "", "", "", "", approval, CONTACT_HOUR_EQUIVALENT, number(allHours),
                number(hours(sums, s -> s.in(Category.ADMINISTRATIVE))), number(hours(sums, s -> s.in(Category.CLINICAL))),
                number(hours(sums, s -> s.in(Category.GENERAL))), number(allHours), "", "", ""));
    }

    private static BigDecimal sum(List<Transcript.Sum> sums, Function<Transcript.Sum, BigDecimal> value) {
        return sums.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Contact-hour equivalent of the sums' {@code value}; units without one add nothing. */
    private static BigDecimal hours(List<Transcript.Sum> sums, Function<Transcript.Sum, BigDecimal> value) {
        return sums.stream().map(sum -> ContactHours.of(sum.unit(), value.apply(sum)).orElse(BigDecimal.ZERO))
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
