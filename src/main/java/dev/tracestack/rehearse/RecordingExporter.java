package dev.tracestack.rehearse;

import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/** An SDK exporter that remembers the traces of every export the SDK gave up on, after its own retries. */
final class RecordingExporter implements SpanExporter {

    private final SpanExporter delegate;
    private final Set<String> undelivered;

    RecordingExporter(SpanExporter delegate, Set<String> undelivered) {
        this.delegate = delegate;
        this.undelivered = undelivered;
    }

    /** OTLP gRPC to a gateway, retried as an SDK does, adding every trace it gives up on to {@code undelivered}. */
    static RecordingExporter to(String gateway, Set<String> undelivered) {
        return new RecordingExporter(OtlpGrpcSpanExporter.builder()
                .setEndpoint("http://" + gateway)
                .setTimeout(Duration.ofSeconds(10))
                .setRetryPolicy(RetryPolicy.builder().setMaxAttempts(5).setInitialBackoff(Duration.ofSeconds(1))
                        .setMaxBackoff(Duration.ofSeconds(5)).build())
                .build(), undelivered);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        CompletableResultCode result = delegate.export(spans);
        result.whenComplete(() -> {
            if (!result.isSuccess()) {
                spans.forEach(span -> undelivered.add(span.getTraceId()));
            }
        });
        return result;
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }
}
