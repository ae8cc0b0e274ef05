package org.recert.credits.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class BulkInsertTest {

    private record Row(UUID id, String title) {
    }

    @Test
    void shouldPairEachNamedColumnWithOneTypedArrayInTheSameOrder() {
        BulkInsert<Row> insert = BulkInsert.<Row>into("course_note")
                .column("id", "uuid", Row::id)
                .column("title", "text", Row::title)
                .then("on conflict do nothing");

        assertThat(insert.sql()).isEqualTo("insert into course_note (id, title) select * from unnest(cast(? as uuid[]), "
                + "cast(? as text[])) on conflict do nothing");
    }
}
