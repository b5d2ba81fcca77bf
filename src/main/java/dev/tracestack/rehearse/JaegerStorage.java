package dev.tracestack.rehearse;

import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.programs.LoopbackPorts;
import java.nio.file.Path;

/**
 * Jaeger's Elasticsearch for a rehearsal: the node and the proxy Jaeger talks to. One storage can serve
 * several rehearsals one after another (each stack writes under its own index prefix, and a rehearsal
 * deletes its prefix's indices before it starts).
 */
final class JaegerStorage implements AutoCloseable {

    private final ElasticsearchNode node;
    private final RootEndpointProxy proxy;
    private final ChildProcesses processes;

    private JaegerStorage(ElasticsearchNode node, RootEndpointProxy proxy, ChildProcesses processes) {
        this.node = node;
        this.proxy = proxy;
        this.processes = processes;
    }

    /** Starts a node from the test distribution at {@code home}, with a small heap. */
    static JaegerStorage start(Path home, Path workDir, boolean secured) {
        ChildProcesses processes = new ChildProcesses();
        try {
            LoopbackPorts ports = new LoopbackPorts();
            ElasticsearchNode node = ElasticsearchNode.start(home, workDir, 384, secured, processes, ports);
            return new JaegerStorage(node, RootEndpointProxy.start(node, workDir, ports), processes);
        } catch (RuntimeException e) {
            processes.close();
            throw e;
        }
    }

    ElasticsearchNode node() {
        return node;
    }

    /** Where Jaeger and the rollover tool reach Elasticsearch. */
    String url() {
        return proxy.url();
    }

    Path caFile() {
        return proxy.caFile();
    }

    @Override
    public void close() {
        proxy.close();
        processes.close();
    }
}
