package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.Metric;
import com.google.api.MonitoredResource;
import com.google.devtools.cloudtrace.v2.AttributeValue;
import com.google.devtools.cloudtrace.v2.BatchWriteSpansRequest;
import com.google.devtools.cloudtrace.v2.Span;
import com.google.devtools.cloudtrace.v2.TraceServiceGrpc;
import com.google.devtools.cloudtrace.v2.TruncatableString;
import com.google.monitoring.v3.CreateTimeSeriesRequest;
import com.google.monitoring.v3.TimeSeries;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PublisherGrpc;
import com.google.pubsub.v1.PubsubMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder keeps each request as the API's JSON, one line each, which reads back as the request was. */
class GoogleApiRecorderTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void recordsEachRequestAsOneJsonLineThatReadsBackAsWritten(@TempDir Path dir) throws Exception {
        // The requests as the exporters send them; the recorder's network side runs in GoogleExportersIT (a grpc
        // client cannot start in this JVM: zetasql-client's jar names an unshaded netty resolver).
        BatchWriteSpansRequest spans = BatchWriteSpansRequest.newBuilder()
                .setName("projects/p").addSpans(Span.newBuilder()
                        .setName("projects/p/traces/" + TRACE_ID + "/spans/b7ad6b7169203331")
                        .setSpanId("b7ad6b7169203331").setDisplayName(TruncatableString.newBuilder().setValue("GET /cart"))
                        .setAttributes(Span.Attributes.newBuilder().putAttributeMap("deployment.environment",
                                AttributeValue.newBuilder().setStringValue(TruncatableString.newBuilder()
                                        .setValue("prod")).build()))).build();
        PublishRequest publish = PublishRequest.newBuilder()
                .setTopic("projects/p/topics/t").addMessages(PubsubMessage.newBuilder().setData(ByteString.copyFromUtf8(
                        "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + TRACE_ID
                                + "\",\"spanId\":\"b7ad6b7169203331\",\"name\":\"GET /cart\"}]}]}]}"))).build();
        CreateTimeSeriesRequest series = CreateTimeSeriesRequest.newBuilder()
                .setName("projects/p").addTimeSeries(TimeSeries.newBuilder()
                        .setMetric(Metric.newBuilder().setType("workload.googleapis.com/otelcol_process_uptime")
                                .putLabels("service_name", "otelcol"))
                        .setResource(MonitoredResource.newBuilder().setType("generic_task").putLabels("job", "otelcol")))
                .build();
        Files.writeString(dir.resolve(GoogleApiRecorder.TRACE_FILE),
                GoogleApiRecorder.line(TraceServiceGrpc.getBatchWriteSpansMethod().getFullMethodName(), spans) + "\n");
        Files.writeString(dir.resolve(GoogleApiRecorder.PUBSUB_FILE),
                GoogleApiRecorder.line(PublisherGrpc.getPublishMethod().getFullMethodName(), publish) + "\n");
        Files.writeString(dir.resolve(GoogleApiRecorder.MONITORING_FILE),
                GoogleApiRecorder.line("google.monitoring.v3.MetricService/CreateTimeSeries", series) + "\n");

        assertThat(Files.readAllLines(dir.resolve(GoogleApiRecorder.MONITORING_FILE))).containsExactly(
                // JsonFormat prints fields in their proto order: timeSeries (2) before name (3), labels (2) before type (3).
                "{\"method\":\"google.monitoring.v3.MetricService/CreateTimeSeries\",\"request\":{\"timeSeries\":[{\"metric\":"
                        + "{\"labels\":{\"service_name\":\"otelcol\"},\"type\":\"workload.googleapis.com/otelcol_process_uptime\"},"
                        + "\"resource\":{\"type\":\"generic_task\",\"labels\":{\"job\":\"otelcol\"}}}],\"name\":\"projects/p\"}}");
        assertThat(Files.readAllLines(dir.resolve(GoogleApiRecorder.TRACE_FILE))).singleElement().asString()
                .startsWith("{\"method\":\"google.devtools.cloudtrace.v2.TraceService/BatchWriteSpans\",\"request\":{");
        Capture trace = Capture.cloudTrace(dir.resolve(GoogleApiRecorder.TRACE_FILE));
        assertThat(trace.spans().get(TRACE_ID)).singleElement().satisfies(span -> {
            assertThat(span.name()).isEqualTo("GET /cart");
            assertThat(span.resource()).containsEntry("deployment.environment", "prod");
        });
        assertThat(Capture.pubsub(dir.resolve(GoogleApiRecorder.PUBSUB_FILE)).spanCount(TRACE_ID)).isEqualTo(1);
        assertThat(Capture.cloudMonitoring(dir.resolve(GoogleApiRecorder.MONITORING_FILE)).series()).containsExactly(
                new Capture.WrittenSeries("workload.googleapis.com/otelcol_process_uptime", Map.of("service_name", "otelcol"),
                        "generic_task", Map.of("job", "otelcol")));
    }
}
