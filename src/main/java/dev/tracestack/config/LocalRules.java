package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.*;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules of a docker stack: its engine, addresses, ports, images and which cloud features it can have. */
final class LocalRules {

    private static final Pattern DOCKER_HOST = Pattern.compile("(unix|npipe)://.+|(tcp|ssh)://[^/\\s]+/?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    /** Loose on purpose: Docker itself rejects a malformed IPv6 literal; this catches host names and typos. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private LocalRules() {
    }

    static void validate(LocalSettings local, StackConfig config, StackConfigValidator.Rules rules) {
        if (config.platform() != Platform.DOCKER) {
            return;
        }
        rules.check(DOCKER_HOST.matcher(local.dockerHost()).matches(), LOCAL + ".dockerHost", local.dockerHost(),
                "must be a Docker host such as unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host");
        String bind = local.bindAddress();
        rules.check(IPV4.matcher(bind).matches() || IPV6.matcher(bind).matches(), LOCAL + ".bindAddress", bind,
                "must be an IP address to publish ports on, such as 127.0.0.1 (0.0.0.0 for every interface)");
        ports(local, rules);
        local.imageOverrides().forEach((image, reference) ->
                ImageVersions.pinnedReference(LOCAL + ".images." + image.key(), reference, rules));

        rules.check(config.jaeger().enabled(), JAEGER + ".enabled", "false",
                "must be true with " + PLATFORM + " docker (the local stack is Jaeger on Elasticsearch)");
        rules.check(!config.exporters().bigQuery(), EXPORTERS + ".bigQuery", "true",
                "cannot be on with " + PLATFORM + " docker (the BigQuery path needs the GCP part's Pub/Sub topic"
                        + " and Workload Identity; use a cloud stack)");
        String onDocker = "with " + PLATFORM + " docker";
        rules.check(config.sampling().defaultRate() == 1.0, SAMPLING + ".defaultRate",
                StackConfigValidator.Rules.plain(config.sampling().defaultRate()), "must be 1 " + onDocker
                        + " (the local stack runs one collector; tail sampling needs a cluster's sampler tier)");
        rules.check(!config.collector().persistentQueue().enabled(), COLLECTOR + ".persistentQueue.enabled", "true",
                "cannot be on " + onDocker + " (a local collector keeps its queue in memory)");
        rules.check(!config.jaeger().oauthProxy().enabled(), JAEGER + ".oauthProxy.enabled", "true",
                "cannot be on " + onDocker
                        + " (the proxy runs in the cluster; the local UI is only on the bind address)");
        config.jaeger().ingressHost().ifPresent(host -> rules.add(JAEGER + ".ingressHost", host,
                "cannot be set " + onDocker + " (there is no Ingress; the UI is published on the jaegerUi host port)"));
        rules.check(!config.elasticsearch().snapshots().enabled(), ELASTICSEARCH + ".snapshots.enabled", "true",
                "cannot be on " + onDocker + " (snapshots go to a Cloud Storage bucket of a cloud stack)");
        rules.check(!config.crossRegionBackup(), CROSS_REGION_BACKUP, "true",
                "cannot be on " + onDocker + " (local traces are disposable; backups are a cloud stack's)");
        rules.check(config.elasticsearch().nodes() == 1, ELASTICSEARCH + ".nodes",
                String.valueOf(config.elasticsearch().nodes()), "must be 1 " + onDocker + " (one container)");
        if (config.exporters().cloudTrace()) {
            String reason = "when " + EXPORTERS + ".cloudTrace is on with " + PLATFORM + " docker";
            rules.check(!config.gcp().project().isEmpty(), GCP_PROJECT, null,
                    "is required " + reason + " (the project the local spans go to)");
            rules.check(local.gcpCredentialsFile().isPresent(), LOCAL + ".gcpCredentialsFile", null,
                    "is required " + reason + " (the Application Default Credentials file on the Docker host,"
                            + " e.g. written by `gcloud auth application-default login`)");
        }
        local.gcpCredentialsFile().ifPresent(file -> rules.check(file.startsWith("/"),
                LOCAL + ".gcpCredentialsFile", file, "must be an absolute path on the Docker host"));
    }

    private static void ports(LocalSettings local, StackConfigValidator.Rules rules) {
        Map<Integer, HostPort> owners = new HashMap<>();
        for (HostPort port : HostPort.values()) {
            int number = local.port(port);
            String key = LOCAL + ".ports." + port.key();
            if (!rules.port(key, number)) {
                continue;
            }
            HostPort owner = owners.putIfAbsent(number, port);
            rules.check(owner == null, key, String.valueOf(number), "must differ from " + LOCAL + ".ports."
                    + (owner == null ? "" : owner.key()) + " (two services cannot publish one host port)");
        }
    }
}
