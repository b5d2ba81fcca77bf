package dev.tracestack.component.gcp;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.bigquery.DataTransferConfig;
import com.pulumi.gcp.bigquery.Dataset;
import com.pulumi.gcp.bigquery.DatasetIamMember;
import com.pulumi.gcp.bigquery.IamMember;
import com.pulumi.gcp.bigquery.Table;
import com.pulumi.gcp.bigquery.inputs.DatasetAccessArgs;
import com.pulumi.gcp.organizations.OrganizationsFunctions;
import com.pulumi.gcp.organizations.inputs.GetProjectArgs;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.pubsub.Subscription;
import com.pulumi.gcp.pubsub.SubscriptionIAMMember;
import com.pulumi.gcp.pubsub.Topic;
import com.pulumi.gcp.pubsub.TopicIAMMember;
import com.pulumi.gcp.serviceaccount.Account;
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
import java.util.Optional;

/**
 * Where spans go beyond Jaeger: the Pub/Sub topic the collector publishes to, a BigQuery subscription
 * writing every message into a day-partitioned raw table, a dead-letter topic for what BigQuery rejects,
 * the span and SLI views over the table, and (where asked) a daily copy to a second region. The pure
 * builders ({@link TraceDataset}, {@link TraceTopics}, {@link DatasetBackup}) make the args; every child is
 * registered here as {@code <name>-<role>}.
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

        // The backup account reads the dataset: it is in the dataset's access list, so it exists first.
        Optional<Account> backupAccount = spec.backup().map(backup ->
                new Account(Names.child(name, "backup-account"), DatasetBackup.account(spec), plain));
        Output<List<DatasetAccessArgs>> readers = backupAccount
                .map(account -> account.email().applyValue(email -> concat(TraceDataset.readerGroups(spec),
                        TraceDataset.account("READER", email))))
                .orElse(Output.of(TraceDataset.readerGroups(spec)));
        this.dataset = new Dataset(Names.child(name, "dataset"), TraceDataset.dataset(spec.dataset(), spec.location(),
                "Spans from the OpenTelemetry collector, via Pub/Sub; partitions expire after "
                        + spec.retentionDays() + " days", spec, readers), stateful);
        var raw = new PartitionedTable(Names.child(name, "raw-table"),
                TraceDataset.rawTable(dataset.datasetId(), sinks.rawSchema(), spec), stateful);
        Table spans = view(name, BigQueryViews.SPANS, sinks, List.of(raw), plain);
        Table objectives = view(name, BigQueryViews.OBJECTIVES, sinks, List.of(dataset), plain);
        for (BigQueryViews.View view : BigQueryViews.ANALYSIS) {
            view(name, view, sinks, view.joinsObjectives() ? List.of(spans, objectives) : List.of(spans), plain);
        }
        var agentWrites = new IamMember(Names.child(name, "pubsub-agent-writes-raw"), TraceDataset.rawTableRole(
                GcpRoles.BIGQUERY_DATA_EDITOR, pubsubAgent, spec), after(plain, List.of(raw)));

        this.topic = new Topic(Names.child(name, "topic"), TraceTopics.topic(spec.topic(), spec), stateful);
        var deadLetter = new Topic(Names.child(name, "dead-letter-topic"),
                TraceTopics.topic(spec.deadLetterTopic(), spec), stateful);
        // A replaced subscription drops its backlog (up to 7 days of spans): protected like the topics.
        new Subscription(Names.child(name, "dead-letter-subscription"),
                TraceTopics.deadLetterPull(deadLetter.name(), spec), stateful);
        // Pub/Sub checks that it may write the table when the subscription is created.
        this.subscription = new Subscription(Names.child(name, "bigquery-subscription"),
                TraceTopics.bigQuery(topic.name(), deadLetter.name(), spec), after(stateful, List.of(raw, agentWrites)));
        new TopicIAMMember(Names.child(name, "collector-publishes"), TraceTopics.topicRole(topic.name(),
                GcpRoles.PUBSUB_PUBLISHER, GcpRoles.member(args.collectorServiceAccountEmail()), spec), plain);
        new TopicIAMMember(Names.child(name, "pubsub-agent-dead-letters"), TraceTopics.topicRole(deadLetter.name(),
                GcpRoles.PUBSUB_PUBLISHER, pubsubAgent, spec), plain);
        new SubscriptionIAMMember(Names.child(name, "pubsub-agent-acks"), TraceTopics.subscriptionRole(
                subscription.name(), GcpRoles.PUBSUB_SUBSCRIBER, pubsubAgent, spec), plain);

        spec.backup().ifPresent(backup -> backup(name, spec, backup, backupAccount.orElseThrow(), projectNumber,
                stateful, plain));

        this.topicName = topic.name();
        this.datasetId = dataset.datasetId();
        registerOutputs(Map.of("topicName", topicName, "datasetId", datasetId,
                "subscriptionName", subscription.name()));
    }

    /** A view over the dataset, created once the tables it reads exist. */
    private Table view(String name, BigQueryViews.View view, RenderedSinks sinks, List<Resource> reads,
                       CustomResourceOptions plain) {
        return new Table(Names.child(name, "view-" + view.name().replace('_', '-')), TraceDataset.view(
                dataset.datasetId(), view.name(), view.description(), sinks.sql(view), sinks.spec()),
                after(plain, reads));
    }

    /**
     * The daily cross-region copy of yesterday's partition: the staging dataset it waits in, the backup dataset
     * (protected), the account every step runs as, and the three steps in order.
     */
    private void backup(String name, TraceSinkSpec spec, TraceSinkSpec.Backup backup, Account account,
                        Output<String> projectNumber, CustomResourceOptions stateful, CustomResourceOptions plain) {
        Output<List<DatasetAccessArgs>> writer = account.email().applyValue(email ->
                List.of(TraceDataset.account("WRITER", email)));
        var staging = new Dataset(Names.child(name, "backup-staging-dataset"), TraceDataset.dataset(
                backup.stagingDataset(), spec.location(), "Yesterday's partition of " + spec.dataset()
                        + ", alone, for the daily cross-region copy", spec, writer), stateful);
        var target = new Dataset(Names.child(name, "backup-dataset"), TraceDataset.dataset(backup.dataset(),
                backup.location(), "Daily copy of yesterday's partition of " + spec.dataset()
                        + " in a second region, kept as dated snapshots", spec, writer), stateful);
        Output<String> member = GcpRoles.member(account.email());
        var reads = new DatasetIamMember(Names.child(name, "backup-reads-traces"),
                TraceDataset.datasetRole(dataset.datasetId(), GcpRoles.BIGQUERY_DATA_VIEWER, member, spec), plain);
        var writesStaging = new DatasetIamMember(Names.child(name, "backup-writes-staging"),
                TraceDataset.datasetRole(staging.datasetId(), GcpRoles.BIGQUERY_DATA_EDITOR, member, spec), plain);
        var writes = new DatasetIamMember(Names.child(name, "backup-writes-backup"),
                TraceDataset.datasetRole(target.datasetId(), GcpRoles.BIGQUERY_DATA_EDITOR, member, spec), plain);
        var runsJobs = new IAMMember(Names.child(name, "backup-job-user"), DatasetBackup.runsJobs(spec, member), plain);
        var agentActsAs = new com.pulumi.gcp.serviceaccount.IAMMember(Names.child(name, "backup-agent-token"),
                DatasetBackup.agentActsAs(account.name(), projectNumber), plain);
        var extract = new DataTransferConfig(Names.child(name, "backup-extract"), DatasetBackup.extract(spec, backup,
                account.email()), after(plain, List.of(reads, writesStaging, runsJobs, agentActsAs)));
        var copy = new DataTransferConfig(Names.child(name, "backup-copy"), DatasetBackup.copy(spec, backup,
                staging.datasetId(), target.datasetId(), account.email()), after(plain, List.of(extract, writes)));
        new DataTransferConfig(Names.child(name, "backup-snapshots"), DatasetBackup.snapshots(spec, backup,
                account.email()), after(plain, List.of(copy)));
    }

    /** The Pub/Sub service agent of a project: it writes BigQuery rows and moves dead letters. */
    static String pubsubAgent(String projectNumber) {
        return Names.serviceAccountMember("service-" + projectNumber + "@gcp-sa-pubsub.iam.gserviceaccount.com");
    }

    private static <T> List<T> concat(List<T> first, T then) {
        List<T> all = new java.util.ArrayList<>(first);
        all.add(then);
        return all;
    }

    private static CustomResourceOptions after(CustomResourceOptions options, List<Resource> dependsOn) {
        return CustomResourceOptions.merge(options, CustomResourceOptions.builder().dependsOn(dependsOn).build());
    }
}
