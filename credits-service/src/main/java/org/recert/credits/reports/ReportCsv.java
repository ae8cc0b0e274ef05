package org.recert.credits.reports;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.recert.platform.problem.ProblemException;

/**
 * Reads a completion report sent as CSV: a header row naming the columns (rowId, courseId, learnerId,
 * completedOn, certificateNumber; any order, rowId and certificateNumber optional), then one row per
 * completion. A row that is not well-formed (wrong number of cells, a course id that is not a UUID, a
 * date that is not ISO) refuses the whole report with 400 naming the row and column: nothing is written.
 */
public final class ReportCsv {

    static final Set<String> REQUIRED = Set.of("courseId", "learnerId", "completedOn");
    static final Set<String> KNOWN = Set.of("rowId", "courseId", "learnerId", "completedOn", "certificateNumber");

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES);

    private ReportCsv() {
    }

    /** The rows of {@code body}; at most {@code maxRows} are read before the report is refused as too large. */
    public static List<ReportRow> parse(String body, int maxRows) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "the report is empty: send a header row and at least one row");
        }
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        List<ReportRow> rows = new ArrayList<>();
        try (MappingIterator<String[]> lines = CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(text)) {
            if (!lines.hasNext()) {
                throw ProblemException.invalid("body", "the report is empty");
            }
            Map<String, Integer> columns = header(lines.next());
            int line = 1;
            while (lines.hasNext()) {
                line++;
                String[] cells = lines.next();
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw CompletionReports.tooLarge(maxRows);
                }
                rows.add(row(cells, columns, line, rows.size()));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.invalid("body", "is not well-formed CSV: " + firstLine(e.getMessage()));
        }
        return rows;
    }

    private static Map<String, Integer> header(String[] names) {
        Map<String, Integer> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            String known = KNOWN.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("header", "unknown column \"" + name + "\"; the columns are " + KNOWN));
            if (columns.put(known, i) != null) {
                throw ProblemException.invalid("header", "column " + known + " appears twice");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw ProblemException.invalid("header", "column " + required + " is required");
            }
        }
        return columns;
    }

    private static ReportRow row(String[] cells, Map<String, Integer> columns, int line, int index) {
        String at = "rows[" + index + "]";
        if (cells.length != columns.size()) {
            throw ProblemException.invalid(at, "line " + line + " has " + cells.length + " cells, the header " + columns.size());
        }
        String courseId = cell(cells, columns, "courseId");
        String completedOn = cell(cells, columns, "completedOn");
        UUID course = null;
        LocalDate date = null;
        if (courseId != null) {
            try {
                course = UUID.fromString(courseId);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(at + ".courseId", "line " + line + ": \"" + courseId + "\" is not a course id (UUID)");
            }
        }
        if (completedOn != null) {
            try {
                date = LocalDate.parse(completedOn);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(at + ".completedOn", "line " + line + ": \"" + completedOn + "\" is not an ISO date (2025-05-01)");
            }
        }
        return new ReportRow(cell(cells, columns, "rowId"), course, cell(cells, columns, "learnerId"), date,
                cell(cells, columns, "certificateNumber"));
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null) {
            return null;
        }
        String value = cells[i].strip();
        return value.isEmpty() ? null : value;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
