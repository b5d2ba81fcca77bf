package dev.tracestack.rehearse;

import com.google.api.MetricDescriptor;
import com.google.devtools.cloudtrace.v2.BatchWriteSpansRequest;
import com.google.devtools.cloudtrace.v2.TraceServiceGrpc;
import com.google.monitoring.v3.CreateMetricDescriptorRequest;
import com.google.monitoring.v3.CreateTimeSeriesRequest;
import com.google.monitoring.v3.DroppedLabels;
import com.google.monitoring.v3.MetricServiceProto;
import com.google.monitoring.v3.SpanContext;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PublishResponse;
import com.google.pubsub.v1.PublisherGrpc;
import dev.tracestack.programs.LoopbackPorts;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Cloud Trace v2, Cloud Monitoring v3 and Pub/Sub v1 on loopback, for the collector's real
 * {@code googlecloud} and {@code googlecloudpubsub} exporters to send to: one gRPC server on Google's
 * published API definitions that writes every request it is sent, as the API's JSON (protobuf's
 * {@code JsonFormat}), one per line, into a file per API, and answers each as the service answers a
 * request it accepted. It stores nothing else and forwards nothing; every answer carries the header
 * {@value #HEADER}, so a reply from it cannot pass for Google's.
 */
final class GoogleApiRecorder implements AutoCloseable {

    /** The response header that marks every answer as the rehearsal's. */
    static final String HEADER = "x-tracestack-recorder";
    static final String TRACE_FILE = "cloud-trace.jsonl";
    static final String MONITORING_FILE = "cloud-monitoring.jsonl";
    static final String PUBSUB_FILE = "pubsub.jsonl";

    /**
     * The types an exemplar's attachments hold (Cloud Monitoring's {@code Distribution.Exemplar}), so
     * the JSON can name them.
     */
    static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
            .add(SpanContext.getDescriptor()).add(DroppedLabels.getDescriptor()).build();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(TYPES)
            .omittingInsignificantWhitespace();
    private static final Metadata.Key<String> MARK = Metadata.Key.of(HEADER, Metadata.ASCII_STRING_MARSHALLER);

    private final Server server;
    private final Writer trace;
    private final Writer monitoring;
    private final Writer pubsub;

    private GoogleApiRecorder(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.trace = new Writer(dir.resolve(TRACE_FILE));
        this.monitoring = new Writer(dir.resolve(MONITORING_FILE));
        this.pubsub = new Writer(dir.resolve(PUBSUB_FILE));
        ServerInterceptor mark = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                             ServerCallHandler<Q, R> next) {
                return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                    @Override
                    public void sendHeaders(Metadata responseHeaders) {
                        responseHeaders.put(MARK, "local rehearsal recorder, nothing was sent to Google");
                        super.sendHeaders(responseHeaders);
                    }
                }, headers);
            }
        };
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(LoopbackPorts.HOST, 0))
                .maxInboundMessageSize(64 << 20)
                .addService(ServerInterceptors.intercept(new Trace(), mark))
                .addService(ServerInterceptors.intercept(monitoring(), mark))
                .addService(ServerInterceptors.intercept(new Pubsub(), mark))
                .build().start();
    }

    /** Starts the recorder on a free loopback port, writing into {@code dir}. */
    static GoogleApiRecorder start(Path dir) {
        try {
            return new GoogleApiRecorder(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local Google API recorder", e);
        }
    }

    /** Where the exporters reach it, {@code host:port}. */
    String endpoint() {
        return LoopbackPorts.HOST + ":" + server.getPort();
    }

    /** One recorded request as a line: the full method name and the request. */
    static String line(String method, Message request) {
        try {
            return "{\"method\":\"" + method + "\",\"request\":" + PRINTER.print(request) + "}";
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print a " + request.getDescriptorForType().getFullName(), e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        trace.close();
        monitoring.close();
        pubsub.close();
    }

    private final class Trace extends TraceServiceGrpc.TraceServiceImplBase {
        @Override
        public void batchWriteSpans(BatchWriteSpansRequest request, StreamObserver<Empty> response) {
            trace.write(line(TraceServiceGrpc.getBatchWriteSpansMethod().getFullMethodName(), request));
            reply(response, Empty.getDefaultInstance());
        }
    }

    /**
     * Cloud Monitoring's {@code MetricService}, bound from its descriptor in Google's published protos: the
     * two methods the exporter calls ({@code createTimeSeries}, and {@code CreateMetricDescriptor} once per
     * new metric; opentelemetry-operations-go exporter/collector v0.59.0 metrics.go); any other is
     * answered UNIMPLEMENTED, as grpc answers a method a server does not have.
     */
    private ServerServiceDefinition monitoring() {
        ServiceDescriptor service = MetricServiceProto.getDescriptor().findServiceByName("MetricService");
        return ServerServiceDefinition.builder(service.getFullName())
                .addMethod(unary(service, "CreateTimeSeries", CreateTimeSeriesRequest.getDefaultInstance(),
                        Empty.getDefaultInstance(), request -> Empty.getDefaultInstance()))
                .addMethod(unary(service, "CreateMetricDescriptor", CreateMetricDescriptorRequest.getDefaultInstance(),
                        MetricDescriptor.getDefaultInstance(), CreateMetricDescriptorRequest::getMetricDescriptor))
                .build();
    }

    private <Q extends Message, R extends Message> ServerMethodDefinition<Q, R> unary(
            ServiceDescriptor service, String name, Q request, R response, Function<Q, R> answer) {
        com.google.protobuf.Descriptors.MethodDescriptor method = service.findMethodByName(name);
        if (method == null || !method.getInputType().equals(request.getDescriptorForType())
                || !method.getOutputType().equals(response.getDescriptorForType())) {
            throw new IllegalStateException(service.getFullName() + " has no method " + name + "("
                    + request.getDescriptorForType().getFullName() + ")");
        }
        MethodDescriptor<Q, R> descriptor = MethodDescriptor.<Q, R>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(service.getFullName(), name))
                .setRequestMarshaller(ProtoUtils.marshaller(request))
                .setResponseMarshaller(ProtoUtils.marshaller(response))
                .build();
        return ServerMethodDefinition.create(descriptor, ServerCalls.asyncUnaryCall((received, observer) -> {
            monitoring.write(line(descriptor.getFullMethodName(), received));
            reply(observer, answer.apply(received));
        }));
    }

    private final class Pubsub extends PublisherGrpc.PublisherImplBase {
        private final AtomicLong ids = new AtomicLong();

        @Override
        public void publish(PublishRequest request, StreamObserver<PublishResponse> response) {
            pubsub.write(line(PublisherGrpc.getPublishMethod().getFullMethodName(), request));
            PublishResponse.Builder ids = PublishResponse.newBuilder();
            request.getMessagesList().forEach(m -> ids.addMessageIds(Long.toString(this.ids.incrementAndGet())));
            reply(response, ids.build());
        }
    }

    private static <T> void reply(StreamObserver<T> response, T answer) {
        response.onNext(answer);
        response.onCompleted();
    }

    /** A file of lines, each written through before the request is answered. */
    private static final class Writer {
        private final Path file;
        private final BufferedWriter out;

        Writer(Path file) throws IOException {
            this.file = file;
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }

        synchronized void write(String line) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file, e);
            }
        }
    }
}
