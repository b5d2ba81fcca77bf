package dev.tracestack.component.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.bigquery.DataTransferConfig;
import com.pulumi.gcp.bigquery.DataTransferConfigArgs;
import com.pulumi.gcp.bigquery.Dataset;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.tracestack.render.Names;
import dev.tracestack.render.bigquery.TraceSinkSpec;
import java.util.List;
import java.util.Map;

/**
 * The daily cross-region copy of the trace dataset (BigQuery Data Transfer Service, {@code cross_region_copy})
 * into a dataset in a second region, run as its own service account that may read the trace dataset, write
 * the backup dataset and run jobs, and nothing else.
 */
final class DatasetBackup {

    static final String ACCOUNT_ID = "tracestack-bq-backup";
    private static final String DATA_SOURCE = "cross_region_copy";

    private DatasetBackup() {
    }

    /**
     * @param stateful options for the backup dataset (protected outside dev)
     * @param plain    options for everything else
     */
    static void create(String name, TraceSinkSpec spec, TraceSinkSpec.Backup backup, Dataset source,
                       Output<String> projectNumber, CustomResourceOptions stateful, CustomResourceOptions plain) {
        Dataset target = TraceDataset.dataset(Names.child(name, "backup-dataset"), backup.dataset(),
                backup.location(), "Daily copy of " + spec.dataset() + " in a second region", spec, stateful);
        var account = new Account(Names.child(name, "backup-account"), AccountArgs.builder()
                .project(spec.project())
                .accountId(ACCOUNT_ID)
                .displayName("tracestack BigQuery cross-region backup")
                .description("Runs the daily copy of the trace dataset; has no keys.")
                .build(), plain);
        Output<String> member = GcpRoles.member(account.email());
        var reads = TraceDataset.datasetRole(Names.child(name, "backup-reads-traces"), source,
                GcpRoles.BIGQUERY_DATA_VIEWER, member, spec, plain);
        var writes = TraceDataset.datasetRole(Names.child(name, "backup-writes-backup"), target,
                GcpRoles.BIGQUERY_DATA_EDITOR, member, spec, plain);
        var runsJobs = new IAMMember(Names.child(name, "backup-job-user"), IAMMemberArgs.builder()
                .project(spec.project())
                .role(GcpRoles.BIGQUERY_JOB_USER)
                .member(member)
                .build(), plain);
        var agentActsAs = new com.pulumi.gcp.serviceaccount.IAMMember(Names.child(name, "backup-agent-token"),
                com.pulumi.gcp.serviceaccount.IAMMemberArgs.builder()
                        .serviceAccountId(account.name())
                        .role(GcpRoles.SERVICE_ACCOUNT_TOKEN_CREATOR)
                        .member(projectNumber.applyValue(DatasetBackup::transferAgent))
                        .build(), plain);
        new DataTransferConfig(Names.child(name, "backup-copy"), DataTransferConfigArgs.builder()
                .project(spec.project())
                .displayName("tracestack " + spec.dataset() + " to " + backup.location())
                .location(backup.location())
                .dataSourceId(DATA_SOURCE)
                .destinationDatasetId(target.datasetId())
                .schedule(backup.schedule())
                .serviceAccountName(account.email())
                .params(Map.of(
                        "source_project_id", spec.project(),
                        "source_dataset_id", spec.dataset(),
                        "overwrite_destination_table", "true"))
                .build(), CustomResourceOptions.merge(plain, CustomResourceOptions.builder()
                .dependsOn(List.of(reads, writes, runsJobs, agentActsAs)).build()));
    }

    /** The BigQuery Data Transfer Service agent of a project. */
    static String transferAgent(String projectNumber) {
        return Names.serviceAccountMember(
                "service-" + projectNumber + "@gcp-sa-bigquerydatatransfer.iam.gserviceaccount.com");
    }
}
