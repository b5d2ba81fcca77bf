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
     * One identity. Its name and role carry the environment, so that one Elasticsearch can hold several
     * environments' realms side by side (as the rehearsal's does) without one's users taking another's rights.
     *
     * @param key    the job it serves, e.g. {@code writer}: the role of its children and the end of its Secret's name
     * @param name   the user name, in the Jaeger config and the jobs' environment, e.g. {@code prod-jaeger-writer}
     * @param role   the one role it has, e.g. {@code prod_jaeger_writer}
     * @param secret the basic-auth Secret ECK reads it from and the pods mount its password from
     */
    public record User(String key, String name, String role, String secret) {
    }

    /**
     * The four client users of one environment.
     *
     * @param writer       the Jaeger collector role: appends spans and services through the write aliases
     * @param reader       the Jaeger query role: reads spans, services and dependencies through the read aliases
     * @param dependencies the spark-dependencies job: reads spans, writes the dependency links
     * @param init         the init Job: installs the ILM policy, templates, first indices and aliases, and the
     *                     snapshot repository and policy
     */
    public record Users(User writer, User reader, User dependencies, User init) {

        public List<User> all() {
            return List.of(writer, reader, dependencies, init);
        }
    }

    /** The users of the environment whose indices start with {@code prefix}. */
    public static Users of(String prefix) {
        return new Users(user(prefix, "writer"), user(prefix, "reader"), user(prefix, "dependencies"),
                user(prefix, "init"));
    }

    /** The key of a user's Secret that holds its password; pods mount only this key. */
    public static final String PASSWORD_KEY = "password";
    /** The Secret holding {@code roles.yml}, and the key ECK reads it under. */
    public static final String ROLES_SECRET = "jaeger-es-roles";
    public static final String ROLES_KEY = "roles.yml";

    private ElasticsearchUsers() {
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
        Users users = of(prefix);
        Map<String, Object> roles = new LinkedHashMap<>();
        roles.put(users.writer().role(), role(List.of("monitor"),
                indices(List.of(spans, services), "index", "view_index_metadata")));
        roles.put(users.reader().role(), role(List.of("monitor"),
                indices(List.of(spans, services, dependencies), "read", "view_index_metadata")));
        roles.put(users.dependencies().role(), role(List.of("monitor"),
                indices(List.of(spans), "read", "view_index_metadata"),
                indices(List.of(dependencies), "index", "view_index_metadata")));
        List<String> initCluster = new ArrayList<>(List.of("monitor", "manage_ilm", "manage_index_templates"));
        if (snapshots) {
            // Registering a repository has no named privilege short of `manage`; the two actions are all it needs.
            initCluster.addAll(List.of("manage_slm", "cluster:admin/repository/put", "cluster:admin/repository/get"));
        }
        roles.put(users.init().role(), role(initCluster, indices(List.of(JaegerIndices.indexPattern(prefix, "*")),
                "create_index", "manage", "view_index_metadata")));
        return roles;
    }

    private static User user(String prefix, String key) {
        return new User(key, prefix + "-jaeger-" + key, prefix + "_jaeger_" + key, "jaeger-es-user-" + key);
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
