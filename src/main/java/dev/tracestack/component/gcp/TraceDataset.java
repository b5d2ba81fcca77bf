package dev.tracestack.component.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.bigquery.DatasetArgs;
import com.pulumi.gcp.bigquery.DatasetIamMemberArgs;
import com.pulumi.gcp.bigquery.IamMemberArgs;
import com.pulumi.gcp.bigquery.TableArgs;
import com.pulumi.gcp.bigquery.inputs.DatasetAccessArgs;
import com.pulumi.gcp.bigquery.inputs.TableViewArgs;
import dev.tracestack.render.bigquery.TraceSinkSpec;
import dev.tracestack.render.bigquery.TraceTableSchema;
import java.util.ArrayList;
import java.util.List;

/** Pure builders of the BigQuery side of the trace sinks: datasets, the raw table, views and their IAM bindings. */
final class TraceDataset {

    private TraceDataset() {
    }

    /**
     * Never deletes contents on destroy: a dataset with tables left in it fails to delete instead. Who may use it
     * is explicit and complete (BigQuery's default would let every project Viewer read raw spans): the project's
     * owners, and the given entries.
     *
     * @param access the grants besides the owners', as BigQuery's dataset access entries
     */
    static DatasetArgs dataset(String datasetId, String location, String description, TraceSinkSpec spec,
                               Output<List<DatasetAccessArgs>> access) {
        return DatasetArgs.builder()
                .project(spec.project())
                .datasetId(datasetId)
                .location(location)
                .description(description)
                .deleteContentsOnDestroy(false)
                .accesses(access.applyValue(entries -> {
                    List<DatasetAccessArgs> all = new ArrayList<>();
                    all.add(DatasetAccessArgs.builder().role("OWNER").specialGroup("projectOwners").build());
                    all.addAll(entries);
                    return all;
                }))
                .build();
    }

    /** Read for every configured reader group. */
    static List<DatasetAccessArgs> readerGroups(TraceSinkSpec spec) {
        return spec.readerGroups().stream()
                .map(group -> DatasetAccessArgs.builder().role("READER").groupByEmail(group).build()).toList();
    }

    /** One account's entry, e.g. the backup account's READER on the trace dataset. */
    static DatasetAccessArgs account(String role, String email) {
        return DatasetAccessArgs.builder().role(role).userByEmail(email).build();
    }

    /** @param dataset the dataset's id, as registered, so the table waits for it */
    static PartitionedTable.Args rawTable(Output<String> dataset, String rawSchemaJson, TraceSinkSpec spec) {
        return new PartitionedTable.Args(
                spec.project(),
                dataset,
                spec.rawTable(),
                "Every message of " + spec.topic() + " as the BigQuery subscription writes it",
                rawSchemaJson,
                TraceTableSchema.PARTITION_COLUMN,
                spec.partitionExpirationMs(),
                spec.stateful());
    }

    /**
     * A view holds no data and is recreated from its SQL, so it is neither protected nor deletion-protected:
     * a changed or renamed query deploys without unprotecting anything.
     */
    static TableArgs view(Output<String> dataset, String viewId, String description, String sql,
                          TraceSinkSpec spec) {
        return TableArgs.builder()
                .project(spec.project())
                .datasetId(dataset)
                .tableId(viewId)
                .description(description)
                .deletionProtection(false)
                .view(TableViewArgs.builder().query(sql).useLegacySql(false).build())
                .build();
    }

    /** A role on the raw table only. */
    static IamMemberArgs rawTableRole(String role, Output<String> member, TraceSinkSpec spec) {
        return IamMemberArgs.builder()
                .project(spec.project())
                .datasetId(spec.dataset())
                .tableId(spec.rawTable())
                .role(role)
                .member(member)
                .build();
    }

    static DatasetIamMemberArgs datasetRole(Output<String> dataset, String role, Output<String> member,
                                            TraceSinkSpec spec) {
        return DatasetIamMemberArgs.builder()
                .project(spec.project())
                .datasetId(dataset)
                .role(role)
                .member(member)
                .build();
    }
}
