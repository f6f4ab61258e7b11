package herald.providers.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.MutableClock;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Meta's usage headers slow Herald down before Meta throttles: per app and per Page, with a wait from the header. */
class GraphUsageTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    final GraphUsage usage = GraphStubs.usage(clock);

    @Test
    void appUsageAboveTheThresholdHoldsBackEveryCallOfTheAppForTheTimeTheWindowTakesToDrain() {
        usage.record(
                headers("x-app-usage", "{\"call_count\":95,\"total_cputime\":20,\"total_time\":30}"), "app:1", null);

        assertThatThrownBy(() -> usage.check("facebook", "Facebook", "app:1", "page-1"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    // a rolling hour at 95%: (95 - 90) / 95 of it, about 189 s
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(3_600_000L * 5 / 95));
                    assertThat(e.getMessage()).contains("95%").contains("X-App-Usage");
                });
        assertThatCode(() -> usage.check("facebook", "Facebook", "app:2")).doesNotThrowAnyException();

        clock.advance(Duration.ofSeconds(190));
        assertThatCode(() -> usage.check("facebook", "Facebook", "app:1")).doesNotThrowAnyException();
    }

    @Test
    void anAnswerBelowTheThresholdLiftsTheHold() {
        usage.record(headers("x-app-usage", "{\"call_count\":99}"), "app:1", null);
        usage.record(headers("x-app-usage", "{\"call_count\":40}"), "app:1", null);
        assertThatCode(() -> usage.check("facebook", "Facebook", "app:1")).doesNotThrowAnyException();
    }

    @Test
    void businessUseCaseUsageHoldsBackOnlyThatPageForMetasOwnEstimate() {
        usage.record(
                headers(
                        "x-business-use-case-usage",
                        "{\"page-1\":[{\"type\":\"pages\",\"call_count\":92,\"total_cputime\":10,\"total_time\":10,"
                                + "\"estimated_time_to_regain_access\":12}]}"),
                "app:1",
                "page-1");

        assertThatThrownBy(() -> usage.check("facebook", "Facebook", "app:1", "page-1"))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(12)));
        assertThatCode(() -> usage.check("facebook", "Facebook", "app:1", "page-2"))
                .doesNotThrowAnyException();
    }

    @Test
    void aBusinessNamedInTheHeaderHoldsBackThePageThatWasCalled() {
        usage.record(
                headers("x-business-use-case-usage", "{\"biz-9\":[{\"type\":\"pages\",\"call_count\":100}]}"),
                "app:1",
                "page-1");
        assertThatThrownBy(() -> usage.check("facebook", "Facebook", "page-1")).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> usage.check("facebook", "Facebook", "biz-9")).isInstanceOf(ProviderException.class);
    }

    @Test
    void aHoldAtTheThresholdLastsAtLeastAMinuteAndGarbageHeadersAreIgnored() {
        usage.record(headers("x-app-usage", "{\"call_count\":90}"), "app:1", null);
        assertThatThrownBy(() -> usage.check("facebook", "Facebook", "app:1"))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(1)));
        usage.record(headers("x-app-usage", "not json"), "app:2", null);
        assertThatCode(() -> usage.check("facebook", "Facebook", "app:2")).doesNotThrowAnyException();
    }

    @Test
    void readsMetasEstimateOfTheWaitInMinutes() {
        assertThat(
                        usage.regainAccess(
                                headers(
                                        "x-business-use-case-usage",
                                        "{\"1\":[{\"estimated_time_to_regain_access\":3}],\"2\":[{\"estimated_time_to_regain_access\":7}]}")))
                .isEqualTo(Duration.ofMinutes(7));
        assertThat(usage.regainAccess(new HttpHeaders())).isNull();
    }

    static HttpHeaders headers(String name, String value) {
        var headers = new HttpHeaders();
        headers.add(name, value);
        return headers;
    }
}
