package org.recert.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

class PartReaderTest {

    private final PartReader reader = new PartReader(new JsonFactory());

    @Test
    void shouldPassAPartOnAsTheServiceWroteIt() throws IOException {
        String page = "{\"items\":[{\"id\":\"c-1\",\"title\":\"Caf\u00e9 \\\"vitals\\\"\",\"amount\":{\"value\":1.50}}],\"nextCursor\":null}";

        assertThat(reader.value(bytes("  " + page + "\n"))).isEqualTo(page);
    }

    @Test
    void shouldRefuseABodyThatIsNotOneJsonValue() {
        assertThatThrownBy(() -> reader.value(bytes("{\"items\":[1,2}"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> reader.value(bytes("{\"items\":[]"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> reader.value(bytes("{} {}"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> reader.value(bytes(""))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> reader.overview(bytes("{\"credentials\":[{\"status\":{}"))).isInstanceOf(IOException.class);
    }

    @Test
    void shouldCutEachCredentialsStatusAndPlanOutOfTheOverviewAndReadTheSummaryFromTheStatus() throws IOException {
        String status = "{\"credential\":\"CMA_AAMA\",\"status\":\"AT_RISK\",\"dueDate\":\"2027-03-31\",\"daysRemaining\":126,"
                + "\"requirements\":[{\"code\":\"TOTAL\",\"required\":60,\"shortfall\":22.0},{\"code\":\"CLINICAL\",\"shortfall\":6},"
                + "{\"code\":\"GENERAL\",\"shortfall\":0,\"extra\":{\"code\":\"TOTAL\",\"shortfall\":99}}]}";
        String plan = "{\"credential\":\"CMA_AAMA\",\"courses\":[{\"courseId\":\"k-1\",\"fee\":{\"amount\":12.50}}]}";
        String overview = "{\"learnerId\":\"maria\",\"asOf\":\"2026-11-25\",\"credentials\":["
                + "{\"credential\":\"CMA_AAMA\",\"status\":" + status + ",\"plan\":" + plan + ",\"statusProblem\":null,\"planProblem\":null},"
                + "{\"credential\":\"RMA_AMT\",\"status\":null,\"plan\":null,"
                + "\"statusProblem\":{\"status\":404,\"detail\":\"maria holds no RMA_AMT\"},\"planProblem\":{\"status\":409}}]}";

        List<PartReader.Item> items = reader.overview(bytes(overview));

        assertThat(items).extracting(PartReader.Item::credential).containsExactly("CMA_AAMA", "RMA_AMT");
        PartReader.Item held = items.get(0);
        assertThat(held.status().json()).isEqualTo(status);
        assertThat(held.plan().json()).isEqualTo(plan);
        assertThat(held.summary()).isEqualTo(new CredentialCard.Summary("AT_RISK", LocalDate.of(2027, 3, 31), 126, new BigDecimal("22.0"),
                List.of(new CredentialCard.Shortfall("TOTAL", new BigDecimal("22.0")), new CredentialCard.Shortfall("CLINICAL", new BigDecimal("6")))));
        PartReader.Item refused = items.get(1);
        assertThat(refused.summary()).isNull();
        assertThat(refused.status()).isEqualTo(new PartReader.Entry(null, 404, "maria holds no RMA_AMT"));
        assertThat(refused.plan()).isEqualTo(new PartReader.Entry(null, 409, null));
    }

    @Test
    void shouldSumTheShortfallsWhenTheStatusHasNoTotal() throws IOException {
        String overview = "{\"credentials\":[{\"credential\":\"X\",\"status\":{\"requirements\":[{\"code\":\"A\",\"shortfall\":2},"
                + "{\"code\":\"B\",\"shortfall\":3.5}],\"dueDate\":\"not a date\"}}]}";

        CredentialCard.Summary summary = reader.overview(bytes(overview)).get(0).summary();

        assertThat(summary.shortfall()).isEqualByComparingTo("5.5");
        assertThat(summary.dueDate()).isNull();
        assertThat(summary.status()).isNull();
        assertThat(summary.daysRemaining()).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
