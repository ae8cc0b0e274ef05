package org.recert.credits.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recert.platform.problem.ProblemException;

class ReportCsvTest {

    private static final UUID COURSE = UUID.fromString("5b0c4a2e-8f0a-4e59-9d86-2d1f0b6c1a11");

    @Test
    void shouldReadRowsWhateverTheColumnOrderAndQuoting() {
        List<ReportRow> rows = ReportCsv.parse("learnerId,completedOn,courseId,certificateNumber\r\n"
                + "maria,2025-05-01," + COURSE + ",\"C-1, second\"\r\n"
                + "\r\n"
                + "james,2025-05-02," + COURSE + ",\n", 10);
        assertThat(rows).containsExactly(
                new ReportRow(null, COURSE, "maria", LocalDate.of(2025, 5, 1), "C-1, second"),
                new ReportRow(null, COURSE, "james", LocalDate.of(2025, 5, 2), null));
    }

    @Test
    void shouldRefuseARowWithAMalformedDateNamingItsRowAndColumn() {
        assertThatThrownBy(() -> ReportCsv.parse("courseId,learnerId,completedOn\n" + COURSE + ",maria,2025-05-01\n"
                + COURSE + ",james,05/02/2025\n", 10))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).toProblem().field()).isEqualTo("rows[1].completedOn"));
    }

    @Test
    void shouldRefuseARowWithTheWrongNumberOfCells() {
        assertThatThrownBy(() -> ReportCsv.parse("courseId,learnerId,completedOn\n" + COURSE + ",maria\n", 10))
                .satisfies(e -> assertThat(((ProblemException) e).toProblem().field()).isEqualTo("rows[0]"));
    }

    @Test
    void shouldRefuseAHeaderWithoutTheRequiredColumns() {
        assertThatThrownBy(() -> ReportCsv.parse("courseId,learner\n" + COURSE + ",maria\n", 10))
                .satisfies(e -> assertThat(((ProblemException) e).toProblem().field()).isEqualTo("header"));
    }

    @Test
    void shouldRefuseMoreRowsThanAllowedWith413() {
        String body = "courseId,learnerId,completedOn\n" + (COURSE + ",maria,2025-05-01\n").repeat(3);
        assertThatThrownBy(() -> ReportCsv.parse(body, 2))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(413));
    }
}
