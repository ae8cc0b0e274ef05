package org.recert.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.recert.platform.problem.ProblemException;

/** The strong ETag of a record's version, If-Match on changes, If-None-Match on reads. */
class ETagsTest {

    @Test
    void shouldTagAnswerWithTheStrongETagOfTheVersion() {
        Response response = ETags.ok("course", 3);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("ETag")).isEqualTo("\"3\"");
        assertThat(response.getEntity()).isEqualTo("course");
    }

    @Test
    void shouldAnswerNotModifiedWhenIfNoneMatchNamesTheCurrentVersion() {
        Response same = ETags.read("course", 3, "\"2\", \"3\"");
        assertThat(same.getStatus()).isEqualTo(304);
        assertThat(same.getHeaderString("ETag")).isEqualTo("\"3\"");
        assertThat(same.getEntity()).isNull();
        assertThat(ETags.read("course", 3, "W/\"3\"").getStatus()).isEqualTo(304);
        assertThat(ETags.read("course", 3, "*").getStatus()).isEqualTo(304);
        Response changed = ETags.read("course", 4, "\"3\"");
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getHeaderString("ETag")).isEqualTo("\"4\"");
        assertThat(ETags.read("course", 4, null).getStatus()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnIfNoneMatchThatIsNoListOfEntityTagsNamingTheHeader() {
        for (String odd : new String[] { "3", "<script>alert(1)</script>", "../../../etc/passwd", "\"3\"; drop table credit",
                "\"3\",", "W/3", "\"" + "9".repeat(2000) + "\"" }) {
            assertThatThrownBy(() -> ETags.read("course", 3, odd)).as(odd)
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("If-None-Match");
                    });
        }
        assertThat(ETags.read("course", 3, " \"1\" , W/\"3\" ").getStatus()).isEqualTo(304);
        assertThat(ETags.read("course", 3, "").getStatus()).isEqualTo(200);
    }

    @Test
    void shouldRequireIfMatchOfTheCurrentVersionForAChange() {
        ETags.requireMatch("\"7\"", 7);
        ETags.requireMatch("\"6\", \"7\"", 7);
        ETags.requireMatch("*", 7);
        assertThatThrownBy(() -> ETags.requireMatch(null, 7))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(428));
        assertThatThrownBy(() -> ETags.requireMatch("\"6\"", 7))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> ETags.requireMatch("7", 7))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(412));
    }
}
