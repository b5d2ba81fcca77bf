package dev.tracestack.component.local;

import com.pulumi.core.Output;
import com.pulumi.docker.Container;
import com.pulumi.docker.Network;
import com.pulumi.docker.NetworkArgs;
import com.pulumi.docker.RemoteImage;
import com.pulumi.docker.RemoteImageArgs;
import com.pulumi.docker.Volume;
import com.pulumi.docker.VolumeArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.render.Names;
import dev.tracestack.render.local.RenderedLocal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole tracing stack on one Docker engine: Elasticsearch with a data volume, a one-shot
 * initialisation of its ILM policy and rollover aliases, Jaeger v2, and the OpenTelemetry Collector in
 * front, on a private network with only the configured host ports published. The configs it mounts are
 * the ones the shared renderers produced; this component only registers containers.
 */
public final class LocalStack extends ComponentResource {

    public static final String TYPE = "tracestack:local:LocalStack";

    /** @param local the rendered images, sizes, ports and texts of every container */
    public record Args(RenderedLocal local) {
    }

    public final Network network;
    public final Volume elasticsearchData;
    public final Container elasticsearch;
    public final Container jaeger;
    public final Container collector;
    private final Map<String, Output<String>> urls = new LinkedHashMap<>();

    public LocalStack(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        RenderedLocal local = args.local();
        String prefix = local.prefix();
        LocalContainers containers = new LocalContainers(local);

        network = new Network(Names.child(name, "network"), NetworkArgs.builder()
                .name(prefix)
                .driver("bridge")
                .build(), child());
        elasticsearchData = new Volume(Names.child(name, "elasticsearch-data"), VolumeArgs.builder()
                .name(prefix + "-elasticsearch-data")
                .build(), child());
        RemoteImage elasticsearchImage = image(name, "elasticsearch", local.images().elasticsearch());
        RemoteImage rolloverImage = image(name, "rollover", local.images().rollover());
        RemoteImage jaegerImage = image(name, "jaeger", local.images().jaeger());
        RemoteImage collectorImage = image(name, "collector", local.images().collector());

        elasticsearch = new Container(Names.child(name, "elasticsearch"),
                containers.elasticsearch(elasticsearchImage, network, elasticsearchData), child());
        Container ilmPolicy = new Container(Names.child(name, "ilm-policy"),
                containers.ilmPolicy(elasticsearchImage, network), after(elasticsearch));
        Container rolloverInit = new Container(Names.child(name, "rollover-init"),
                containers.rolloverInit(rolloverImage, network), after(ilmPolicy));
        jaeger = new Container(Names.child(name, "jaeger"),
                containers.jaeger(jaegerImage, network), after(rolloverInit));
        collector = new Container(Names.child(name, "collector"),
                containers.collector(collectorImage, network), after(jaeger));

        local.urls().forEach((output, url) -> urls.put(output, Output.of(url)));
        registerOutputs(new LinkedHashMap<String, Output<?>>(urls));
    }

    /** The URLs a developer needs, by stack output name. */
    public Map<String, Output<String>> urls() {
        return urls;
    }

    /** Kept on destroy: the next {@code pulumi up} need not download it again. */
    private RemoteImage image(String name, String role, String reference) {
        return new RemoteImage(Names.child(name, role + "-image"), RemoteImageArgs.builder()
                .name(reference)
                .keepLocally(true)
                .build(), child());
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** Created only once {@code before} is created; for a container with {@code wait} that means healthy. */
    private CustomResourceOptions after(Resource before) {
        return CustomResourceOptions.builder().parent(this).dependsOn(List.of(before)).build();
    }
}
