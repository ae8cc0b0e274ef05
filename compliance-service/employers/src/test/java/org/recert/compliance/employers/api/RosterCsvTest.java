package org.recert.compliance.employers.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.SequenceWriter;
import org.junit.jupiter.api.Test;

class RosterCsvTest {

    /** Counts what reaches the answer's stream: each flush there is an HTTP chunk on its own. */
    private static final class CountingStream extends ByteArrayOutputStream {
        int flushes;

        @Override
        public void flush() {
            flushes++;
        }
    }

    @Test
    void shouldWriteTheRowsAsTheBufferFillsNotFlushEachOne() throws IOException {
        CountingStream answer = new CountingStream();
        try (SequenceWriter rows = RosterResource.csvRows(answer)) {
            for (int i = 0; i < 2_000; i++) {
                rows.write(new Object[] { "learner-" + i, "EMP-" + i, "GRANTED", "CMA_AAMA", "ON_TRACK", "2022-01-31",
                        "2027-01-31", "420", null });
            }
        }

        String csv = answer.toString(StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(2_001);
        assertThat(csv.lines().findFirst()).contains(
                "learnerId,staffRef,consent,credential,status,cycleStart,dueDate,daysRemaining,shortfall");
        assertThat(csv.lines().skip(2_000).findFirst()).contains("learner-1999,EMP-1999,GRANTED,CMA_AAMA,ON_TRACK,2022-01-31,2027-01-31,420,");
        // 2,000 rows of about 70 bytes in Jackson's 8 KiB buffer: a few dozen writes, and one flush at the close
        assertThat(answer.flushes).isLessThanOrEqualTo(1);
    }
}
