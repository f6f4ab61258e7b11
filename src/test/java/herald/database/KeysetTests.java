package herald.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Pages through rows of which several share a time, as every listing's table has them. */
@SpringBootTest
class KeysetTests {

    static final Instant T = Instant.parse("2026-12-03T10:00:00.123456Z");

    record Row(Instant time, UUID id) {}

    /** Seven rows, four of them at the same instant, in no order. */
    static final List<Row> ROWS = List.of(
            new Row(T, UUID.fromString("00000000-0000-0000-0000-000000000003")),
            new Row(T.plusSeconds(60), UUID.fromString("00000000-0000-0000-0000-000000000001")),
            new Row(T, UUID.fromString("00000000-0000-0000-0000-000000000009")),
            new Row(T.minusSeconds(60), UUID.fromString("00000000-0000-0000-0000-000000000002")),
            new Row(T, UUID.fromString("00000000-0000-0000-0000-000000000001")),
            new Row(T.plusNanos(1000), UUID.fromString("00000000-0000-0000-0000-000000000004")),
            new Row(T, UUID.fromString("00000000-0000-0000-0000-000000000005")));

    static final Comparator<Row> OLDEST_FIRST = Comparator.comparing(Row::time).thenComparing(Row::id);

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesNewestFirstThroughTiesWithoutRepeatingOrSkippingARow() {
        assertThat(allPages(Keyset.newestFirst("created_at", "id"), 2))
                .containsExactlyElementsOf(
                        ROWS.stream().sorted(OLDEST_FIRST.reversed()).toList());
    }

    @Test
    void pagesOldestFirstThroughTiesWithoutRepeatingOrSkippingARow() {
        assertThat(allPages(Keyset.oldestFirst("created_at", "id"), 3))
                .containsExactlyElementsOf(ROWS.stream().sorted(OLDEST_FIRST).toList());
    }

    @Test
    void theFirstPageHasNoConditionAndLaterOnesCompareThePair() {
        var keyset = Keyset.newestFirst("p.created_at", "p.id");
        assertThat(keyset.pageAfter(null)).isEqualTo(" order by p.created_at desc, p.id desc limit :limit");
        assertThat(keyset.pageAfter(new Keyset.After(T, UUID.randomUUID())))
                .isEqualTo(" and (p.created_at, p.id) < (:afterTime, :afterId)"
                        + " order by p.created_at desc, p.id desc limit :limit");
    }

    /** Every page of the rows, each asked for after the last row of the one before, as a listing does. */
    List<Row> allPages(Keyset keyset, int size) {
        List<Row> all = new ArrayList<>();
        Keyset.@Nullable After after = null;
        for (int pages = 0; pages <= ROWS.size(); pages++) {
            List<Row> page = page(keyset, after, size);
            all.addAll(page);
            if (page.size() < size) {
                return all;
            }
            after = new Keyset.After(page.getLast().time(), page.getLast().id());
        }
        throw new AssertionError("More pages than rows: " + all);
    }

    List<Row> page(Keyset keyset, Keyset.@Nullable After after, int size) {
        String values = IntStream.range(0, ROWS.size())
                .mapToObj(i -> "(cast(:t" + i + " as timestamptz), cast(:id" + i + " as uuid))")
                .collect(Collectors.joining(", "));
        var statement =
                keyset.page(jdbc, "select * from (values " + values + ") as r(created_at, id) where true", after, size);
        for (int i = 0; i < ROWS.size(); i++) {
            statement = statement
                    .param("t" + i, SqlTimes.timestamp(ROWS.get(i).time()))
                    .param("id" + i, ROWS.get(i).id());
        }
        return statement
                .query((rs, n) -> new Row(SqlTimes.instant(rs, "created_at"), rs.getObject("id", UUID.class)))
                .list();
    }
}
