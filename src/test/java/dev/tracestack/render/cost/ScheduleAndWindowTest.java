package dev.tracestack.render.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracestack.render.bigquery.BigQueryViews;
import dev.tracestack.testing.StackHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How often jobs and queries run, read from the cron schedules and the views' SQL. */
class ScheduleAndWindowTest {

    @ParameterizedTest
    @CsvSource({
            "'15 0 * * *', 30.416667",
            "'0 */6 * * *', 121.666667",
            "'0 1,13 * * *', 60.833333",
            "'30 2 * * 1-5', 21.726190",
            "'0 3 1 * *', 1",
            "'0 3 1 1,7 *', 0.166667"})
    void cronSchedulesFireThisOftenInA730HourMonth(String schedule, double runs) {
        assertThat(CronRuns.perMonth(schedule, 730.0 / 24)).isCloseTo(runs, within(1e-5));
    }

    @Test
    void everyAnalysisViewHasAPricedWindowReadFromItsSql() {
        Map<String, ViewScans.Scan> scans = ViewScans.of(StackHarness.config("stage"), 730.0 / 24);

        assertThat(scans.keySet()).containsExactlyElementsOf(
                BigQueryViews.ANALYSIS.stream().map(BigQueryViews.View::name).toList());
        assertThat(scans.get("service_latency_percentiles").windowDays()).isCloseTo(1.0 / 24, within(1e-12));
        assertThat(scans.get("slowest_root_traces").windowDays()).isEqualTo(7);
        assertThat(scans.get("monthly_volume").windowDays()).isCloseTo(730.0 / 24, within(1e-12));
        assertThat(scans.get("monthly_volume").runsPerMonth()).isEqualTo(1);
        assertThat(scans.get("service_error_rate").scannedDays()).isEqualTo(1.5);
    }
}
