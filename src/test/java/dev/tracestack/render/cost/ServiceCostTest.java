package dev.tracestack.render.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracestack.config.StackConfigParser;
import dev.tracestack.rehearse.ServiceFleet;
import dev.tracestack.render.cost.LineItem.Charge;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What services' own rates and objectives cost: the traffic they keep, and the alert conditions and series. */
class ServiceCostTest {

    /**
     * stage: 4 services (cost.services), even traffic; critical-service keeps 100%, batch-service 1%, the other two
     * the stack's 30%.
     * <pre>
     * ordinary keep rate = (1.0 + 0.01 + 2 × 0.3) / 4 = 0.4025
     * error keep rate    = (1.0 + 0.5 + 2 × 0.5) / 4  = 0.625   (batch-service's errors: the stack's 50%)
     * slow keep rate     = (1.0 + 0.3 + 2 × 0.3) / 4  = 0.475
     * </pre>
     */
    @Test
    void aServicesOwnRateCountsForItsShareOfTheStacksServices() {
        Traffic t = Traffic.assumed(StackHarness.config("stage"), 730);

        assertThat(t.classes().get("ordinary").keepRate()).isCloseTo(0.4025, within(1e-12));
        assertThat(t.classes().get("error").keepRate()).isCloseTo(0.625, within(1e-12));
        assertThat(t.classes().get("slow").keepRate()).isCloseTo(0.475, within(1e-12));
    }

    /**
     * stage with a fleet of 1,000 services in three teams: per indicator, the stack's condition (services without
     * a team: none, so only the 0 others of cost.services = 1,000) and one per team and objective.
     * <pre>
     * conditions: ingestion 2, collector down 1, span loss 2, exporter failures 1, storage errors 1, BigQuery
     *             backlog 2, dead letters 1, Elasticsearch red 1 = 11
     *             + error rate 1 + 3 teams × 2 objectives, latency 1 + 3 teams × 3 objectives = 11 + 7 + 10 = 28
     *             28 × $1.50 = $42.00
     * series: 11 others + 1,000 services × 2 indicators (each service in one condition of each) = 2,011 per execution
     *         × 730 h × 120 = 176,163,600 = 176.1636 million × $0.35 = $61.657 → $61.66
     * </pre>
     */
    @Test
    void aFleetPaysPerConditionAndPerServiceSeriesNeverPerServiceCondition() {
        CostEstimate fleet = CostEstimator.estimate(StackConfigParser.parse(
                ServiceFleet.withFleet(StackHarness.source("stage"), 1_000)));

        List<Charge> alerting = fleet.item("monitoring.alerting").orElseThrow().charges();
        assertThat(alerting.get(0).quantity()).isEqualTo(28);
        assertThat(alerting.get(0).monthlyUsd()).isEqualTo(42.00);
        assertThat(alerting.get(1).quantity()).isEqualTo(176.1636);
        assertThat(alerting.get(1).monthlyUsd()).isEqualTo(61.66);
    }
}
