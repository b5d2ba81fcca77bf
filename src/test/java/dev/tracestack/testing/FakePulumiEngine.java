package dev.tracestack.testing;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

/**
 * The Pulumi engine's side of a {@code pulumi preview} or {@code pulumi up}, on loopback: the engine and resource
 * monitor services a program reaches through {@code PULUMI_ENGINE} and {@code PULUMI_MONITOR}, over the same gRPC
 * protocol. Each registration is answered after a delay standing for the providers' work: in a preview as a new
 * resource is, with its inputs and nothing computed; in an update as it is created ({@link FakeProviders}).
 */
public final class FakePulumiEngine implements AutoCloseable {

    /** The features the engine of Pulumi 3 reports; anything else is reported unsupported. */
    private static final Set<String> FEATURES = Set.of("secrets", "resourceReferences", "outputValues",
            "deletedWith", "aliasSpecs");
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private final String project;
    private final String stack;
    private final Duration answerDelay;
    private final String refusedType;
    private final boolean update;
    private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(2);
    private final Map<String, String> qualifiedTypes = new ConcurrentHashMap<>();
    private final List<RegisterResourceRequest> registrations = new ArrayList<>();
    private final List<LogRequest> logs = new ArrayList<>();
    private volatile Struct stackOutputs;
    private volatile String root = "";
    private final Server server;

    private FakePulumiEngine(String project, String stack, Duration answerDelay, String refusedType, boolean update)
            throws IOException {
        this.project = project;
        this.stack = stack;
        this.answerDelay = answerDelay;
        this.refusedType = refusedType;
        this.update = update;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new Monitor())
                .addService(new Engine())
                .build()
                .start();
    }

    /** Starts an engine previewing {@code project}'s {@code stack}, answering each registration after {@code delay}. */
    public static FakePulumiEngine start(String project, String stack, Duration delay) throws IOException {
        return new FakePulumiEngine(project, stack, delay, null, false);
    }

    /** As {@link #start}, but every registration of {@code type} fails, as a provider's error fails it. */
    public static FakePulumiEngine refusing(String type, String project, String stack, Duration delay)
            throws IOException {
        return new FakePulumiEngine(project, stack, delay, type, false);
    }

    /** As {@link #start}, for an update: every resource is created, with what its provider computes. */
    public static FakePulumiEngine updating(String project, String stack, Duration delay) throws IOException {
        return new FakePulumiEngine(project, stack, delay, null, true);
    }

    /** The address a program is given in {@code PULUMI_ENGINE} and {@code PULUMI_MONITOR}. */
    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /** Every registration, the stack's included, in the order received. */
    public List<RegisterResourceRequest> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    /** The outputs the program registered for its stack, or null before it did. */
    public Struct stackOutputs() {
        return stackOutputs;
    }

    /** Every message the program logged to the engine. */
    public List<LogRequest> logs() {
        synchronized (logs) {
            return List.copyOf(logs);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        answers.shutdownNow();
    }

    /** A resource's URN: its type qualified by its ancestors' below the stack, as the engine forms it. */
    private String urn(RegisterResourceRequest request) {
        String parentType = request.getParent().isEmpty() ? null : qualifiedTypes.get(request.getParent());
        String type = parentType == null || parentType.equals(STACK_TYPE) ? request.getType()
                : parentType + "$" + request.getType();
        String urn = "urn:pulumi:" + stack + "::" + project + "::" + type + "::" + request.getName();
        qualifiedTypes.put(urn, type);
        return urn;
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {

        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> answer) {
            boolean supported = FEATURES.contains(request.getId());
            answer.onNext(SupportsFeatureResponse.newBuilder().setHasSupport(supported).build());
            answer.onCompleted();
        }

        @Override
        public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> answer) {
            synchronized (registrations) {
                registrations.add(request);
            }
            RegisterResourceResponse response = RegisterResourceResponse.newBuilder()
                    .setUrn(urn(request))
                    .setId(request.getCustom() ? request.getName() + "-id" : "")
                    .setObject(update ? FakeProviders.created(request) : request.getObject())
                    .build();
            boolean refused = request.getType().equals(refusedType);
            answers.schedule(() -> {
                if (refused) {
                    answer.onError(Status.INVALID_ARGUMENT.withDescription("the provider refused "
                            + request.getName()).asException());
                    return;
                }
                answer.onNext(response);
                answer.onCompleted();
            }, answerDelay.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> answer) {
            if (request.getUrn().contains("::" + STACK_TYPE + "::")) {
                stackOutputs = request.getOutputs();
            }
            answer.onNext(Empty.getDefaultInstance());
            answer.onCompleted();
        }

        @Override
        public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> answer) {
            FakeProviders.invoke(request.getTok()).ifPresentOrElse(
                    result -> {
                        answer.onNext(ResourceInvokeResponse.newBuilder().setReturn(result).build());
                        answer.onCompleted();
                    },
                    () -> answer.onError(Status.UNIMPLEMENTED.withDescription("no answer for " + request.getTok())
                            .asException()));
        }

        @Override
        public void signalAndWaitForShutdown(Empty request, StreamObserver<Empty> answer) {
            answer.onNext(Empty.getDefaultInstance());
            answer.onCompleted();
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {

        @Override
        public void log(LogRequest request, StreamObserver<Empty> answer) {
            synchronized (logs) {
                logs.add(request);
            }
            answer.onNext(Empty.getDefaultInstance());
            answer.onCompleted();
        }

        @Override
        public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> answer) {
            answer.onNext(GetRootResourceResponse.newBuilder().setUrn(root).build());
            answer.onCompleted();
        }

        @Override
        public void setRootResource(SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> answer) {
            root = request.getUrn();
            answer.onNext(SetRootResourceResponse.getDefaultInstance());
            answer.onCompleted();
        }
    }

}
