package dev.tracestack.render;

import dev.tracestack.config.StackConfig;
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

    public RenderedStack {
        files = Map.copyOf(files);
    }

    /** Renders every artifact the stack's parts need. Pure: no Pulumi types, no I/O. */
    public static RenderedStack render(StackConfig config) {
        Map<String, String> files = new TreeMap<>();
        files.put("stack-config.json", Artifacts.json(config));
        files.putAll(dev.tracestack.render.collector.CollectorConfigRenderer.render(config));
        files.putAll(dev.tracestack.render.jaeger.JaegerArtifacts.render(config));
        files.putAll(dev.tracestack.render.elasticsearch.ElasticsearchArtifacts.render(config));
        return new RenderedStack(files);
    }

    public String file(String path) {
        String text = files.get(path);
        if (text == null) {
            throw new IllegalArgumentException("no artifact " + path + "; rendered: " + files.keySet());
        }
        return text;
    }

    public Map<String, String> sortedFiles() {
        return new TreeMap<>(files);
    }
}
