package dev.tracestack.component.gcp;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.bigquery.Dataset;
import com.pulumi.gcp.bigquery.Table;
import com.pulumi.gcp.organizations.OrganizationsFunctions;
import com.pulumi.gcp.organizations.inputs.GetProjectArgs;
import com.pulumi.gcp.pubsub.Subscription;
import com.pulumi.gcp.pubsub.Topic;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.render.Names;
import dev.tracestack.render.bigquery.BigQueryViews;
import dev.tracestack.render.bigquery.RenderedSinks;
import dev.tracestack.render.bigquery.TraceSinkSpec;
import java.util.List;
import java.util.Map;

/**
 * Where spans go beyond Jaeger: the Pub/Sub topic the collector publishes to, a BigQuery subscription
 * writing every message into a day-partitioned raw table, a dead-letter topic for what BigQuery rejects,
 * the span and SLI views over the table, and (where asked) a daily copy to a second region.
 */
public final class GcpTraceSinks extends ComponentResource {

    public static final String TYPE = "tracestack:gcp:GcpTraceSinks";

    /** The topic the collector's googlecloudpubsub exporter publishes to. */
    public final Topic topic;
    public final Dataset dataset;
    public final Subscription subscription;
    public final Output<String> topicName;
    public final Output<String> datasetId;

    /**
     * What the sinks are built from.
     *
     * @param sinks                        the sinks' names and limits, the raw schema and every view's SQL
     * @param collectorServiceAccountEmail the account allowed to publish to the topic
     * @param apis                         the enabled APIs every child waits for
     * @param gcp                          the provider the project-number lookup goes through
     */
    public record Args(RenderedSinks sinks, Output<String> collectorServiceAccountEmail,
                       List<Resource> apis, com.pulumi.gcp.Provider gcp) {
    }

    public GcpTraceSinks(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        RenderedSinks sinks = args.sinks();
        TraceSinkSpec spec = sinks.spec();
        CustomResourceOptions plain = CustomResourceOptions.builder().parent(this).dependsOn(args.apis()).build();
        // Outside dev, data outlives a mistaken destroy: Pulumi refuses to delete it and, if forced, leaves it.
        CustomResourceOptions stateful = CustomResourceOptions.merge(plain, CustomResourceOptions.builder()
                .protect(spec.stateful()).retainOnDelete(spec.stateful()).build());
        Output<String> projectNumber = OrganizationsFunctions.getProject(
                        GetProjectArgs.builder().projectId(spec.project()).build(),
                        new InvokeOptions(this, args.gcp(), null))
                .applyValue(project -> project.number());
        Output<String> pubsubAgent = projectNumber.applyValue(GcpTraceSinks::pubsubAgent);

        this.dataset = TraceDataset.dataset(Names.child(name, "dataset"), spec.dataset(), spec.location(),
                "Spans from the OpenTelemetry collector, via Pub/Sub; partitions expire after "
                        + spec.retentionDays() + " days", spec, stateful);
        PartitionedTable raw = TraceDataset.rawTable(Names.child(name, "raw-table"), dataset,
                sinks.rawSchema(), spec, stateful);
        Table spans = TraceDataset.view(Names.child(name, "view-" + viewRole(BigQueryViews.SPANS)), dataset,
                BigQueryViews.SPANS.name(), BigQueryViews.SPANS.description(),
                sinks.sql(BigQueryViews.SPANS), spec, List.of(raw), plain);
        for (BigQueryViews.View view : BigQueryViews.ANALYSIS) {
            TraceDataset.view(Names.child(name, "view-" + viewRole(view)), dataset, view.name(), view.description(),
                    sinks.sql(view), spec, List.of(spans), plain);
        }
        var agentWrites = TraceDataset.tableRole(Names.child(name, "pubsub-agent-writes-raw"), raw,
                GcpRoles.BIGQUERY_DATA_EDITOR, pubsubAgent, spec, plain);

        this.topic = TraceTopics.topic(Names.child(name, "topic"), spec.topic(), spec, stateful);
        Topic deadLetter = TraceTopics.topic(Names.child(name, "dead-letter-topic"), spec.deadLetterTopic(), spec,
                stateful);
        TraceTopics.deadLetterPull(Names.child(name, "dead-letter-subscription"), deadLetter, spec, plain);
        this.subscription = TraceTopics.bigQuery(Names.child(name, "bigquery-subscription"), topic, deadLetter, spec,
                List.of(raw, agentWrites), plain);
        TraceTopics.topicRole(Names.child(name, "collector-publishes"), topic, GcpRoles.PUBSUB_PUBLISHER,
                GcpRoles.member(args.collectorServiceAccountEmail()), spec, plain);
        TraceTopics.topicRole(Names.child(name, "pubsub-agent-dead-letters"), deadLetter, GcpRoles.PUBSUB_PUBLISHER,
                pubsubAgent, spec, plain);
        TraceTopics.subscriptionRole(Names.child(name, "pubsub-agent-acks"), subscription,
                GcpRoles.PUBSUB_SUBSCRIBER, pubsubAgent, spec, plain);

        spec.backup().ifPresent(backup -> DatasetBackup.create(name, spec, backup, dataset, projectNumber,
                stateful, plain));

        this.topicName = topic.name();
        this.datasetId = dataset.datasetId();
        registerOutputs(Map.of("topicName", topicName, "datasetId", datasetId,
                "subscriptionName", subscription.name()));
    }

    /** The Pub/Sub service agent of a project: it writes BigQuery rows and moves dead letters. */
    static String pubsubAgent(String projectNumber) {
        return Names.serviceAccountMember("service-" + projectNumber + "@gcp-sa-pubsub.iam.gserviceaccount.com");
    }

    private static String viewRole(BigQueryViews.View view) {
        return view.name().replace('_', '-');
    }
}
