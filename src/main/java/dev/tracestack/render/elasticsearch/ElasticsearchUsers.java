package dev.tracestack.render.elasticsearch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identities Jaeger's clients use on Elasticsearch, one per job, each with the least it needs; no client
 * uses the {@code elastic} superuser. ECK's file realm holds them: each user is a {@code kubernetes.io/basic-auth}
 * Secret (username, password, roles) and the roles are one {@code roles.yml}. Every index pattern comes from
 * the prefix the Jaeger config and the init Job use ({@link JaegerIndices#indexPattern}), so a role cannot
 * name other indices than the ones its client reads or writes.
 */
public final class ElasticsearchUsers {

    /**
     * One identity.
     *
     * @param name   the user name, in the Jaeger config and the jobs' environment
     * @param role   the one role it has
     * @param secret the basic-auth Secret ECK reads it from and the pods mount its password from
     */
    public record User(String name, String role, String secret) {

        /** The user's name without {@code jaeger-}: the role of its children, e.g. {@code writer}. */
        public String key() {
            return name.substring(name.indexOf('-') + 1);
        }
    }

    /** The Jaeger collector role: appends spans and services through the write aliases. */
    public static final User WRITER = user("jaeger-writer", "jaeger_writer");
    /** The Jaeger query role: reads spans, services and dependencies through the read aliases. */
    public static final User READER = user("jaeger-reader", "jaeger_reader");
    /** The spark-dependencies job: reads spans, writes the dependency links. */
    public static final User DEPENDENCIES = user("jaeger-dependencies", "jaeger_dependencies");
    /** The init Job: installs the ILM policy, templates, first indices and aliases, and the snapshot policy. */
    public static final User INIT = user("jaeger-init", "jaeger_init");
    /** The key of a user's Secret that holds its password; pods mount only this key. */
    public static final String PASSWORD_KEY = "password";
    /** The Secret holding {@code roles.yml}, and the key ECK reads it under. */
    public static final String ROLES_SECRET = "jaeger-es-roles";
    public static final String ROLES_KEY = "roles.yml";

    private ElasticsearchUsers() {
    }

    public static List<User> all() {
        return List.of(WRITER, READER, DEPENDENCIES, INIT);
    }

    /**
     * Each role's descriptor in {@code roles.yml} form, by role name. {@code monitor} lets a client read the
     * cluster's version and health (every client asks for them first) and nothing that holds spans.
     *
     * @param prefix    the index prefix of the environment
     * @param snapshots whether the init Job also registers the snapshot repository and SLM policy
     */
    public static Map<String, Object> roles(String prefix, boolean snapshots) {
        String spans = JaegerIndices.indexPattern(prefix, "span");
        String services = JaegerIndices.indexPattern(prefix, "service");
        String dependencies = JaegerIndices.indexPattern(prefix, "dependencies");
        Map<String, Object> roles = new LinkedHashMap<>();
        roles.put(WRITER.role(), role(List.of("monitor"),
                indices(List.of(spans, services), "index", "view_index_metadata")));
        roles.put(READER.role(), role(List.of("monitor"),
                indices(List.of(spans, services, dependencies), "read", "view_index_metadata")));
        roles.put(DEPENDENCIES.role(), role(List.of("monitor"),
                indices(List.of(spans), "read", "view_index_metadata"),
                indices(List.of(dependencies), "index", "view_index_metadata")));
        List<String> initCluster = new ArrayList<>(List.of("monitor", "manage_ilm", "manage_index_templates"));
        if (snapshots) {
            // Registering a repository has no named privilege short of `manage`; the two actions are all it needs.
            initCluster.addAll(List.of("manage_slm", "cluster:admin/repository/put", "cluster:admin/repository/get"));
        }
        roles.put(INIT.role(), role(initCluster, indices(List.of(JaegerIndices.indexPattern(prefix, "*")),
                "create_index", "manage", "view_index_metadata")));
        return roles;
    }

    private static User user(String name, String role) {
        return new User(name, role, "jaeger-es-user-" + name.substring(name.indexOf('-') + 1));
    }

    @SafeVarargs
    private static Map<String, Object> role(List<String> cluster, Map<String, Object>... indices) {
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("cluster", cluster);
        role.put("indices", List.of(indices));
        return role;
    }

    private static Map<String, Object> indices(List<String> names, String... privileges) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("names", names);
        entry.put("privileges", List.of(privileges));
        return entry;
    }
}
