package dev.tracestack.plan;

import dev.tracestack.config.ExporterSettings;
import dev.tracestack.config.SamplingSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.collector.QueueOutage;
import dev.tracestack.render.cost.CostTables;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The short, human summary the plan prints: key settings, what gets created, where the files went. */
final class PlanSummary {

    private PlanSummary() {
    }

    /** Prints the summary of a plan written to {@code out} with {@code artifacts} artifacts. */
    static void print(Plan plan, Path out, int artifacts, PrintStream to) {
        StackConfig c = plan.config();
        SamplingSettings s = c.sampling();
        to.printf("stack %s (environment %s, platform %s, project %s, region %s)%n", c.stack(),
                c.environment().id(), c.platform().id(), c.gcp().project().isEmpty() ? "none" : c.gcp().project(),
                c.gcp().region());
        to.printf("  sampling: ordinary %s, errors %s, slow (> %d ms) %s; retention %d days%n",
                percent(s.defaultRate()), percent(s.errorRate()), s.slowThresholdMs(), percent(s.slowRate()),
                c.retentionDays());
        to.printf("  jaeger %s, detailed tracing %s, cross-region backup %s, alerts %s, exporters: %s%n",
                onOff(c.jaeger().enabled()), onOff(c.detailedTracing()), onOff(c.crossRegionBackup()),
                c.alerts().strictness().id(), exporters(c.exporters()));
        QueueOutage.of(c).ifPresent(outage -> to.printf("  persistent queue: %s%n", outage.describe()));
        CostTables.planSummary(c, plan.rendered().cost(), to);

        to.printf("%d resources%n", plan.resources().size());
        to.println("  per component:");
        counts(plan.resources(), r -> r.parent() == null ? "(top level)" : r.parent())
                .forEach((name, count) -> to.printf("    %-40s %4d%n", name, count));
        to.println("  per type:");
        counts(plan.resources(), PlannedResource::type)
                .forEach((type, count) -> to.printf("    %-60s %4d%n", type, count));
        if (!plan.outputs().isEmpty()) {
            to.println("outputs:");
            plan.outputs().forEach((name, value) -> to.printf("  %s = %s%n", name, value));
        }
        to.printf("wrote %s, %s and %d artifacts under %s%n", out.resolve(PlanWriter.RESOURCES),
                out.resolve(PlanWriter.OUTPUTS), artifacts, out.resolve(PlanWriter.ARTIFACTS));
    }

    private static Map<String, Long> counts(List<PlannedResource> resources, Function<PlannedResource, String> key) {
        return resources.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    static String percent(double rate) {
        return Math.round(rate * 1000) / 10.0 + "%";
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private static String exporters(ExporterSettings e) {
        List<String> on = new ArrayList<>();
        if (e.cloudTrace()) {
            on.add("cloudTrace");
        }
        if (e.jaeger()) {
            on.add("jaeger");
        }
        if (e.bigQuery()) {
            on.add("bigQuery");
        }
        return on.isEmpty() ? "none" : String.join(", ", on);
    }
}
