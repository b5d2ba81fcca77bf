package dev.tracestack.render.cost;

import static dev.tracestack.render.cost.LineItem.Driver.TRAFFIC;

import dev.tracestack.render.bigquery.TraceSinkSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cloud Trace ingestion and the Pub/Sub leg to BigQuery: everything priced by the kept spans. */
final class TraceItems {

    /**
     * The share of messages BigQuery keeps rejecting until they are dead-lettered. Rejections come from
     * malformed messages only, since the table stores the whole message as JSON: a small, stated guess.
     */
    static final double DEAD_LETTER_SHARE = 0.001;

    private TraceItems() {
    }

    static List<LineItem> of(CostContext ctx) {
        Traffic t = ctx.traffic();
        List<LineItem> items = new ArrayList<>();
        if (ctx.config().exporters().cloudTrace()) {
            Map<String, Object> inputs = spans(t);
            items.add(LineItem.of("cloud-trace.spans", "Cloud Trace: spans ingested after sampling", TRAFFIC,
                    List.of(ctx.charge("cloudTrace.spans", t.keptSpans() / 1e6)), inputs));
        }
        if (!ctx.config().exporters().bigQuery()) {
            return items;
        }
        double tib = t.keptBytes() / Traffic.TIB;
        Map<String, Object> bytes = spans(t);
        bytes.put("avgSpanBytes", t.spanBytes());
        bytes.put("keptBytes", t.keptBytes());
        items.add(LineItem.of("pubsub.publish", "Pub/Sub: collector publishing to otel-traces topic", TRAFFIC,
                List.of(ctx.charge("pubsub.throughput", tib)), bytes));
        items.add(LineItem.of("pubsub.bigquery-subscription", "Pub/Sub: BigQuery subscription writing the raw table",
                TRAFFIC, List.of(ctx.charge("pubsub.bigQuerySubscription", tib)), bytes));

        TraceSinkSpec spec = TraceSinkSpec.of(ctx.config());
        double retentionDays = spec.topicRetentionSeconds() / 86_400.0;
        double gibPerDay = t.keptGiBPerDay(ctx.daysPerMonth());
        Map<String, Object> retained = new LinkedHashMap<>();
        retained.put("gibPerDay", gibPerDay);
        retained.put("topicRetentionDays", retentionDays);
        items.add(LineItem.of("pubsub.topic-retention", "Pub/Sub: messages the topic keeps for replay", TRAFFIC,
                List.of(ctx.charge("pubsub.storage", gibPerDay * retentionDays)), retained));

        Map<String, Object> dead = new LinkedHashMap<>(bytes);
        dead.put("deadLetterShare", DEAD_LETTER_SHARE);
        items.add(LineItem.of("pubsub.dead-letter", "Pub/Sub: messages BigQuery rejects, to the dead-letter topic",
                TRAFFIC, List.of(ctx.charge("pubsub.throughput", tib * DEAD_LETTER_SHARE, 0)), dead));
        return items;
    }

    private static Map<String, Object> spans(Traffic t) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("receivedSpans", t.receivedSpans());
        inputs.put("keptShare", t.keptShare());
        inputs.put("keptSpans", t.keptSpans());
        inputs.put("measured", t.measured());
        return inputs;
    }
}
