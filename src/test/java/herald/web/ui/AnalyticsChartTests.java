package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import herald.analytics.AnalyticsReport;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnalyticsChartTests {

    static List<AnalyticsReport.Day> days(int count, long engagementsOnLast) {
        LocalDate first = LocalDate.of(2026, 11, 4);
        return IntStream.range(0, count)
                .mapToObj(i -> new AnalyticsReport.Day(first.plusDays(i), 1, 0, i == count - 1 ? engagementsOnLast : 0))
                .toList();
    }

    @Test
    void theLabelsAtTheEdgesAreAlignedInsideThePlotAndTheOthersCentred() {
        var chart = AnalyticsChart.of(days(30, 5));
        var first = chart.bars().getFirst();
        var labelled = chart.bars().stream().filter(b -> !b.label().isEmpty()).toList();

        assertThat(first.label()).isEqualTo("4 Nov");
        assertThat(first.labelAnchor())
                .as("centred, '4 Nov' would start left of the plot")
                .isEqualTo("start");
        assertThat(first.labelX()).isEqualTo(first.x());
        assertThat(labelled.get(1).labelAnchor()).isEqualTo("middle");
        assertThat(labelled.get(1).labelX())
                .isEqualTo(labelled.get(1).x() + labelled.get(1).width() / 2);
        // 29 days: a label every 4 days, the last on the last day, at the right edge.
        var last = AnalyticsChart.of(days(29, 5)).bars().getLast();
        assertThat(last.label()).isEqualTo("2 Dec");
        assertThat(last.labelAnchor()).isEqualTo("end");
        assertThat(last.labelX()).isEqualTo(last.x() + last.width()).isLessThanOrEqualTo(AnalyticsChart.WIDTH);
    }

    @Test
    void theClicksChartHasABarForEveryDayOfThePeriodScaledToTheBusiest() {
        LocalDate from = LocalDate.of(2026, 11, 1);
        var chart = AnalyticsChart.clicks(
                java.util.Map.of(from.plusDays(2), 10L, from.plusDays(5), 5L), from, from.plusDays(6));

        assertThat(chart.bars()).hasSize(7);
        assertThat(chart.most()).isEqualTo(10);
        assertThat(chart.bars().get(2).title()).isEqualTo("3 Nov: 10 clicks");
        assertThat(chart.bars().get(5).height() * 2)
                .isEqualTo(chart.bars().get(2).height());
        assertThat(chart.bars().get(0).height()).isZero();
        assertThat(chart.bars().get(0).title()).isEqualTo("1 Nov: 0 clicks");
        assertThat(AnalyticsChart.clicks(java.util.Map.of(), from, from.plusDays(6))
                        .empty())
                .isTrue();
    }

    @Test
    void aPeriodWithoutEngagementsIsEmptyAndOneWithAnyIsNot() {
        assertThat(AnalyticsChart.of(days(30, 0)).empty()).isTrue();
        assertThat(AnalyticsChart.of(days(30, 1)).empty()).isFalse();
    }
}
