package dev.tracestack.component.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.bigquery.Dataset;
import com.pulumi.gcp.bigquery.DatasetArgs;
import com.pulumi.gcp.bigquery.DatasetIamMember;
import com.pulumi.gcp.bigquery.DatasetIamMemberArgs;
import com.pulumi.gcp.bigquery.IamMember;
import com.pulumi.gcp.bigquery.IamMemberArgs;
import com.pulumi.gcp.bigquery.Table;
import com.pulumi.gcp.bigquery.TableArgs;
import com.pulumi.gcp.bigquery.inputs.TableViewArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.render.bigquery.TraceSinkSpec;
import dev.tracestack.render.bigquery.TraceTableSchema;
import java.util.List;

/** Factories for the BigQuery side of the trace sinks: datasets, the raw table, views and their IAM bindings. */
final class TraceDataset {

    private TraceDataset() {
    }

    /** Never deletes contents on destroy: a dataset with tables left in it fails to delete instead. */
    static Dataset dataset(String name, String datasetId, String location, String description, TraceSinkSpec spec,
                           CustomResourceOptions options) {
        return new Dataset(name, DatasetArgs.builder()
                .project(spec.project())
                .datasetId(datasetId)
                .location(location)
                .description(description)
                .deleteContentsOnDestroy(false)
                .build(), options);
    }

    static PartitionedTable rawTable(String name, Dataset dataset, String rawSchemaJson, TraceSinkSpec spec,
                                     CustomResourceOptions options) {
        return new PartitionedTable(name, new PartitionedTable.Args(
                spec.project(),
                dataset.datasetId(),
                spec.rawTable(),
                "Every message of " + spec.topic() + " as the BigQuery subscription writes it",
                rawSchemaJson,
                TraceTableSchema.PARTITION_COLUMN,
                spec.partitionExpirationMs(),
                spec.stateful()), options);
    }

    /**
     * A view holds no data and is recreated from its SQL, so it is neither protected nor deletion-protected:
     * a changed or renamed query deploys without unprotecting anything.
     */
    static Table view(String name, Dataset dataset, String viewId, String description, String sql,
                      TraceSinkSpec spec, List<Resource> reads, CustomResourceOptions options) {
        return new Table(name, TableArgs.builder()
                .project(spec.project())
                .datasetId(dataset.datasetId())
                .tableId(viewId)
                .description(description)
                .deletionProtection(false)
                .view(TableViewArgs.builder().query(sql).useLegacySql(false).build())
                .build(),
                CustomResourceOptions.merge(options, CustomResourceOptions.builder().dependsOn(reads).build()));
    }

    static IamMember tableRole(String name, PartitionedTable table, String role, Output<String> member,
                               TraceSinkSpec spec, CustomResourceOptions options) {
        return new IamMember(name, IamMemberArgs.builder()
                .project(spec.project())
                .datasetId(spec.dataset())
                .tableId(spec.rawTable())
                .role(role)
                .member(member)
                .build(), CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().dependsOn(table).build()));
    }

    static DatasetIamMember datasetRole(String name, Dataset dataset, String role, Output<String> member,
                                        TraceSinkSpec spec, CustomResourceOptions options) {
        return new DatasetIamMember(name, DatasetIamMemberArgs.builder()
                .project(spec.project())
                .datasetId(dataset.datasetId())
                .role(role)
                .member(member)
                .build(), options);
    }
}
