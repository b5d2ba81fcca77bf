package dev.tracestack.component.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.bigquery.DataTransferConfigArgs;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import dev.tracestack.render.Names;
import dev.tracestack.render.bigquery.TraceSinkSpec;
import java.util.Map;

/**
 * Pure builders of the daily cross-region copy of yesterday's partition (a scheduled query into a staging dataset,
 * then BigQuery Data Transfer Service's {@code cross_region_copy} of that dataset) into a dataset in a second
 * region, run as its own service account that may read the trace dataset, write the staging and backup datasets
 * and run jobs, and nothing else.
 */
final class DatasetBackup {

    static final String ACCOUNT_ID = "tracestack-bq-backup";
    private static final String DATA_SOURCE = "cross_region_copy";

    private DatasetBackup() {
    }

    static AccountArgs account(TraceSinkSpec spec) {
        return AccountArgs.builder()
                .project(spec.project())
                .accountId(ACCOUNT_ID)
                .displayName("tracestack BigQuery cross-region backup")
                .description("Runs the daily copy of the trace dataset; has no keys.")
                .build();
    }

    /** The account runs its copy as a BigQuery job in the project. */
    static IAMMemberArgs runsJobs(TraceSinkSpec spec, Output<String> member) {
        return IAMMemberArgs.builder()
                .project(spec.project())
                .role(GcpRoles.BIGQUERY_JOB_USER)
                .member(member)
                .build();
    }

    /** The transfer agent mints tokens for the account (on that account only). */
    static com.pulumi.gcp.serviceaccount.IAMMemberArgs agentActsAs(Output<String> account,
                                                                  Output<String> projectNumber) {
        return com.pulumi.gcp.serviceaccount.IAMMemberArgs.builder()
                .serviceAccountId(account)
                .role(GcpRoles.SERVICE_ACCOUNT_TOKEN_CREATOR)
                .member(projectNumber.applyValue(DatasetBackup::transferAgent))
                .build();
    }

    /** The scheduled query that puts yesterday's partition, alone, into the staging dataset (source region). */
    static DataTransferConfigArgs extract(TraceSinkSpec spec, TraceSinkSpec.Backup backup,
                                          Output<String> accountEmail) {
        return DataTransferConfigArgs.builder()
                .project(spec.project())
                .displayName("tracestack " + spec.dataset() + " yesterday's partition to " + backup.stagingDataset())
                .location(spec.location())
                .dataSourceId("scheduled_query")
                .schedule(backup.extractSchedule())
                .serviceAccountName(accountEmail)
                .params(Map.of("query", backup.extractSql()))
                .build();
    }

    /**
     * The copy moves what changed in the staging dataset since its last run: the one table that holds yesterday.
     *
     * @param source the staging dataset's id, as registered
     * @param target the backup dataset's id, as registered
     */
    static DataTransferConfigArgs copy(TraceSinkSpec spec, TraceSinkSpec.Backup backup, Output<String> source,
                                       Output<String> target, Output<String> accountEmail) {
        return DataTransferConfigArgs.builder()
                .project(spec.project())
                .displayName("tracestack " + backup.stagingDataset() + " to " + backup.location())
                .location(backup.location())
                .dataSourceId(DATA_SOURCE)
                .destinationDatasetId(target)
                .schedule(backup.schedule())
                .serviceAccountName(accountEmail)
                .params(source.applyValue(dataset -> Map.of(
                        "source_project_id", spec.project(),
                        "source_dataset_id", dataset,
                        "overwrite_destination_table", "true")))
                .build();
    }

    /** The scheduled query that keeps a dated snapshot of the day's copy, in the backup's region. */
    static DataTransferConfigArgs snapshots(TraceSinkSpec spec, TraceSinkSpec.Backup backup,
                                            Output<String> accountEmail) {
        return DataTransferConfigArgs.builder()
                .project(spec.project())
                .displayName("tracestack " + backup.dataset() + " dated snapshots")
                .location(backup.location())
                .dataSourceId("scheduled_query")
                .schedule(backup.snapshotSchedule())
                .serviceAccountName(accountEmail)
                .params(Map.of("query", backup.snapshotSql()))
                .build();
    }

    /** The BigQuery Data Transfer Service agent of a project. */
    static String transferAgent(String projectNumber) {
        return Names.serviceAccountMember(
                "service-" + projectNumber + "@gcp-sa-bigquerydatatransfer.iam.gserviceaccount.com");
    }
}
