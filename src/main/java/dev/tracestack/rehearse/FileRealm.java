package dev.tracestack.rehearse;

import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.render.elasticsearch.ElasticsearchUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack's Elasticsearch users on a rehearsal node, as ECK's file realm has them on the cluster: the rendered
 * roles, and each client user with a fresh password and its one role, added with the distribution's own
 * {@code elasticsearch-users}. The node reloads the realm's files by itself; installing waits until every user
 * signs in. Users and roles carry their environment, so one node holds the realms of every stack rehearsed on it
 * side by side (stage and prod rehearse at once); installing a stack's realm again reuses it.
 */
final class FileRealm {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Per node (its config directory): every user's password, and every environment's roles, in this JVM. */
    private static final Map<Path, Map<String, String>> PASSWORDS = new HashMap<>();
    private static final Map<Path, Map<String, String>> ROLES = new HashMap<>();
    private final Map<String, String> passwords;

    private FileRealm(Map<String, String> passwords) {
        this.passwords = passwords;
    }

    /** Adds the users and roles to the node's realm (once per JVM) and waits until every user is accepted. */
    static synchronized FileRealm install(ElasticsearchNode node, ElasticsearchUsers.Users users, String rolesYaml) {
        Path conf = node.configDir();
        Map<String, String> passwords = PASSWORDS.computeIfAbsent(conf, c -> new LinkedHashMap<>());
        Map<String, String> roles = ROLES.computeIfAbsent(conf, c -> new LinkedHashMap<>());
        if (!roles.containsKey(users.writer().role())) {
            roles.put(users.writer().role(), rolesYaml);
            // elasticsearch-users adds to these files and refuses to start without them.
            for (String file : List.of("users", "users_roles")) {
                if (!Files.exists(conf.resolve(file))) {
                    node.writeConfig(file, "");
                }
            }
            // Each environment's roles are a YAML mapping of distinct role names: together, one mapping.
            node.writeConfig("roles.yml", String.join("\n", roles.values()));
        }
        for (ElasticsearchUsers.User user : users.all()) {
            if (!passwords.containsKey(user.name())) {
                String password = HexFormat.of().formatHex(RANDOM.generateSeed(16));
                node.tool("elasticsearch-users", List.of("useradd", user.name(), "-p", password, "-r", user.role()));
                passwords.put(user.name(), password);
            }
        }
        FileRealm realm = new FileRealm(Map.copyOf(passwords));
        realm.awaitSignIn(node, users, Duration.ofSeconds(60));
        return realm;
    }

    String password(ElasticsearchUsers.User user) {
        return passwords.get(user.name());
    }

    /** The user's password in a file of its own, as a pod mounts it from the user's Secret. */
    Path passwordFile(ElasticsearchUsers.User user, Path dir) {
        Path file = dir.resolve("es-password-" + user.key());
        RehearsalLayout.write(file, password(user));
        return file;
    }

    /** The realm's files are polled (every 5 s by default): until then a user is unknown. */
    private void awaitSignIn(ElasticsearchNode node, ElasticsearchUsers.Users users, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ElasticsearchUsers.User user : users.all()) {
            while (node.sendAs(user.name(), password(user), "GET", "/_security/_authenticate", null).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new RehearsalException("Elasticsearch did not accept " + user.name() + " from the file realm within "
                            + timeout.toSeconds() + " s");
                }
                ChildProcesses.sleep(Duration.ofMillis(500));
            }
        }
    }
}
