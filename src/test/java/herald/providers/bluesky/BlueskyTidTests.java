package herald.providers.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Record keys as the atproto TID spec (atproto.com/specs/tid) describes them. */
class BlueskyTidTests {

    @Test
    void zeroIsThirteenTwosAsTheSpecSays() {
        assertThat(Tids.encode(0, 0)).isEqualTo("2222222222222");
    }

    @Test
    void encodesMicrosecondsThenTheClockIdentifier() {
        // @atcute/tid's documented example: TID.create(1724171495793000, 512) is "3l25zusnsfck2".
        assertThat(Tids.encode(1_724_171_495_793_000L, 512)).isEqualTo("3l25zusnsfck2");
        // The last two characters hold the 10-bit clock identifier alone.
        assertThat(Tids.encode(1_724_171_495_793_000L, 0))
                .startsWith("3l25zusnsfc")
                .endsWith("22");
        assertThat(Tids.encode(1_724_171_495_793_000L, 1023)).endsWith("zz");
    }

    @Test
    void keysAreThirteenCharactersOfTheAlphabetAndSortAsTheirTimes() {
        List<String> keys = new ArrayList<>();
        for (Instant at : List.of(
                Instant.parse("2023-01-01T00:00:00Z"),
                Instant.parse("2026-12-01T12:00:00.000001Z"),
                Instant.parse("2026-12-01T12:00:00.000002Z"),
                Instant.parse("2060-06-30T23:59:59.999999Z"))) {
            keys.add(new Tids(Clock.fixed(at, ZoneOffset.UTC), 1000).next());
        }
        assertThat(keys)
                .allSatisfy(key ->
                        assertThat(key).hasSize(13).matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}"))
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(keys).allMatch(Tids::valid);
    }

    @Test
    void aClockThatDoesNotMoveStillGivesRisingKeys() {
        var tids = new Tids(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), 5);
        String first = tids.next();
        String second = tids.next();
        String third = tids.next();
        assertThat(List.of(first, second, third)).isSorted().doesNotHaveDuplicates();
        assertThat(second)
                .isEqualTo(Tids.encode(Instant.parse("2026-12-01T12:00:00Z").getEpochSecond() * 1_000_000L + 1, 5));
    }

    @Test
    void tellsTidsFromOtherKeys() {
        assertThat(Tids.valid("3jzfcijpj2z2a")).isTrue();
        assertThat(Tids.valid("self")).isFalse();
        assertThat(Tids.valid("3jzfcijpj2z2")).as("12 characters").isFalse();
        assertThat(Tids.valid("zjzfcijpj2z2a")).as("top bit set").isFalse();
        assertThat(Tids.valid("3jzfcijpj2z2A")).as("upper case").isFalse();
        assertThatThrownBy(() -> new Tids(Clock.systemUTC(), 1024)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomGeneratorsDrawTheirClockIdentifier() {
        String key = Tids.random(Clock.systemUTC()).next();
        assertThat(Tids.valid(key)).isTrue();
    }
}
