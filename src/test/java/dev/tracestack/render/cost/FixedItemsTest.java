package dev.tracestack.render.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tracestack.render.cost.LineItem.Charge;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lines of prod that do not follow the span volume, each against the arithmetic written out by hand.
 * A month is 730 hours, 43,800 minutes; prod runs three gateway pods (no sampler: it keeps everything).
 */
class FixedItemsTest {

    private static final CostEstimate PROD = CostEstimator.estimate(StackHarness.config("prod"));

    private static List<Charge> charges(String id) {
        return PROD.item(id).orElseThrow(() -> new AssertionError("no line " + id)).charges();
    }

    @Test
    void spanMetricsAreSeriesTimesPointsTimesBytes() {
        // the connector excludes span.name; of a service's server, client and internal spans the gateway exports
        // the objectives' kinds (server, consumer), so one kind:
        // series = 4 services × 1 span kind × 2 status codes × 3 gateway pods = 24 (with every operation a series:
        //          192, $143.39; with all three kinds: 72, $29.58)
        // bytes  = 24 × 43,800 points × (8 + 80) = 92,505,600 = 88.22021 MiB, within the free 150 MiB
        Charge c = charges("monitoring.span-metrics").get(0);
        assertThat(PROD.item("monitoring.span-metrics").orElseThrow().inputs()).containsEntry("series", 24.0);
        assertThat(c.quantity()).isEqualTo(88.22021);
        assertThat(c.free()).isEqualTo(88.22021);
        assertThat(c.monthlyUsd()).isZero();
    }

    @Test
    void theCollectorsOwnMetricsGetWhatIsLeftOfTheFreeAllotment() {
        // per gateway pod: 2 receivers × 2 + 3 exporters × 5 + 10 processors × 2 + 5 process = 44 scalar, 1 histogram
        // (the queue tier has no batch processor: memory_limiter, the two that delete senders' tracestack.*
        // attributes, filter, attributes, keyed hash, masking, resource, and the two that label the critical
        // service's spans with its objectives)
        // 3 pods: (132 × 8 + 3 × 80) × 43,800 = 56,764,800 bytes = 54.13513 MiB, within the 61.78 MiB the span
        // metrics left of the free 150 MiB
        Charge c = charges("monitoring.collector-self").get(0);
        assertThat(c.quantity()).isEqualTo(54.13513);
        assertThat(c.free()).isEqualTo(54.13513);
        assertThat(c.monthlyUsd()).isZero();
    }

    @Test
    void alertingChargesEveryConditionAndTheSeriesItsQueriesReturn() {
        // conditions: ingestion 2, error rate 2 and latency 2 (the stack's objective, and the critical service's
        //              own), collector down 1, span loss 2, exporter failures 1, storage errors 1, BigQuery backlog 2,
        //              dead letters 1, backup failed 1, Elasticsearch red 1, snapshot failed 1 = 17 × $1.50 = $25.50
        // series: error rate and latency per service, each service in one of its indicator's conditions (4 + 4),
        //         + 13 others × 1 = 21 per execution
        //         × 730 h × 120 executions = 1,839,600 = 1.8396 million × $0.35 = $0.64386 → $0.64
        List<Charge> c = charges("monitoring.alerting");
        assertThat(c.get(0).quantity()).isEqualTo(17);
        assertThat(c.get(0).monthlyUsd()).isEqualTo(25.50);
        assertThat(c.get(1).quantity()).isEqualTo(1.8396);
        assertThat(c.get(1).monthlyUsd()).isEqualTo(0.64);
    }

    @Test
    void containerLogsStayWithinTheProjectsFreeFiftyGiB() {
        // pods: gateway 3 + jaeger-collector 3 + query 2 + oauth2-proxy 2 + es 3 + operator 1 + spark 1 = 15
        // 15 × 10 MiB × 30.416667 days = 4562.5 MiB = 4.455566 GiB < 50 GiB free → $0
        Charge c = charges("logging.container-logs").get(0);
        assertThat(c.quantity()).isEqualTo(4.455566);
        assertThat(c.monthlyUsd()).isZero();
    }

    @Test
    void aPodIsBilledItsRequestsAtTheStandardNodePrices() {
        // gateway: 3 pods × 730 h × 0.5 vCPU = 1095 vCPU-h × $0.0281037 = $30.774 → $30.77
        //          3 pods × 730 h × 2 GiB (memory is requested at its limit) = 4380 GiB-h × $0.00376602 = $16.495 → $16.50
        // at 10 pods: 3650 × 0.0281037 = $102.58 + 14600 × 0.00376602 = $54.98 → $157.56
        LineItem gateway = PROD.item("gke.otel-collector-gateway").orElseThrow();
        assertThat(gateway.charges()).extracting(Charge::quantity).containsExactly(1095.0, 4380.0);
        assertThat(gateway.monthlyUsd()).isEqualTo(47.27);
        assertThat(gateway.monthlyAtMaxUsd()).contains(157.56);
    }

    @Test
    void theDailySparkJobIsBilledForItsRunsOnly() {
        // "15 0 * * *" = 30.416667 runs × 0.5 h × 1 pod = 15.208333 pod-hours
        // 15.20833 vCPU-h × $0.0281037 = $0.43; 30.41667 GiB-h × $0.00376602 = $0.11
        List<Charge> c = charges("gke.jaeger-spark-dependencies");
        assertThat(c).extracting(Charge::quantity).containsExactly(15.20833, 30.41667);
        assertThat(c).extracting(Charge::monthlyUsd).containsExactly(0.43, 0.11);
    }

    @Test
    void disksAreTheirProvisionedSizeAtTheirStorageClassPrice() {
        // elasticsearch: 3 nodes × 50 GiB premium-rwo (pd-ssd) × $0.204 = $30.60
        // collector queue: 3 pods × 20 GiB standard-rwo (pd-balanced) × $0.12 = $7.20; at 10 pods $24.00
        assertThat(charges("disk.elasticsearch").get(0).priceId()).isEqualTo("disk.premium-rwo");
        assertThat(PROD.item("disk.elasticsearch").orElseThrow().monthlyUsd()).isEqualTo(30.60);
        LineItem queue = PROD.item("disk.collector-queue").orElseThrow();
        assertThat(queue.monthlyUsd()).isEqualTo(7.20);
        assertThat(queue.monthlyAtMaxUsd()).contains(24.00);
    }

    @Test
    void theUisIngressPaysTwoForwardingRulesAndItsTraffic() {
        // 2 rules × 730 h × $0.025 = $36.50; 5 GiB × $0.008 = $0.04
        assertThat(charges("load-balancer.jaeger-ui")).extracting(Charge::monthlyUsd).containsExactly(36.50, 0.04);
    }

    @Test
    void autopilotBillsTheSameRequestsAtItsOwnPrices() {
        CostEstimate autopilot = Estimates.of("prod", "cost.gkeMode=autopilot");
        // 1095 vCPU-h × $0.0445 = $48.73; 4380 GiB-h × $0.0049225 = $21.56
        assertThat(autopilot.item("gke.otel-collector-gateway").orElseThrow().charges())
                .extracting(Charge::priceId, Charge::monthlyUsd)
                .containsExactly(tuple("gke.autopilot.vcpu", 48.73), tuple("gke.autopilot.memory", 21.56));
    }
}
