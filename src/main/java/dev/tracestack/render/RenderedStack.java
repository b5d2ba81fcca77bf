package dev.tracestack.render;

import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.bigquery.BigQueryRenderer;
import dev.tracestack.render.collector.CollectorConfigRenderer;
import dev.tracestack.render.cost.BudgetCheck;
import dev.tracestack.render.cost.CostRenderer;
import dev.tracestack.render.elasticsearch.ElasticsearchArtifacts;
import dev.tracestack.render.jaeger.JaegerArtifacts;
import dev.tracestack.render.monitoring.MonitoringRenderer;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every artifact rendered from a stack's config, by relative file name (e.g.
 * {@code collector/gateway.yaml}). Components register resources from these texts and the offline
 * plan writes them to disk, so what a reviewer reads is exactly what gets deployed.
 *
 * @param files artifact text by relative path, sorted
 */
public record RenderedStack(Map<String, String> files) {

    /** The effective config, defaults filled in and secrets masked, for reviewers. */
    public static final String CONFIG_ARTIFACT = "stack-config.json";

    public RenderedStack {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /**
     * Renders every artifact the stack's parts need. Pure: no Pulumi types, no I/O. An estimate above an
     * enforced budget is an invalid config ({@link BudgetCheck}).
     */
    public static RenderedStack render(StackConfig config) {
        BudgetCheck.enforce(config);
        Map<String, String> files = new TreeMap<>();
        files.put(CONFIG_ARTIFACT, Artifacts.json(config));
        if (config.platform() == Platform.KUBERNETES) {
            files.putAll(MonitoringRenderer.render(config));
            files.putAll(BigQueryRenderer.render(config));
            files.putAll(CostRenderer.render(config));
        }
        files.putAll(CollectorConfigRenderer.render(config));
        files.putAll(JaegerArtifacts.render(config));
        files.putAll(ElasticsearchArtifacts.render(config));
        return new RenderedStack(files);
    }

    public String file(String path) {
        String text = files.get(path);
        if (text == null) {
            throw new IllegalArgumentException("no artifact " + path + "; rendered: " + files.keySet());
        }
        return text;
    }
}
