package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.elasticsearch.ElasticsearchUsers;
import dev.tracestack.render.elasticsearch.RenderedElasticsearch;
import dev.tracestack.render.elasticsearch.ElasticsearchUsers.User;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.testing.E2ePrograms;
import dev.tracestack.testing.StackHarness;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The rendered roles of prod on the real Elasticsearch (x-pack security, the file realm): each client user can
 * do its job and nothing more. The init user creates the indices with {@code jaeger-es-rollover init}; the writer
 * appends spans but cannot read, delete or touch another environment's indices; the reader reads but cannot
 * write; the dependencies job reads spans and writes links only; another environment's users cannot touch prod's
 * indices. A refusal is Elasticsearch's 403.
 */
@ResourceLock(SharedStorage.PROD_PREFIX)
class ElasticsearchRolesIT {

    private static final String PREFIX = JaegerIndices.indexPrefix(StackHarness.config("prod"));
    private static final String SPAN = "{\"traceID\":\"00000000000000000000000000000001\",\"spanID\":\"01\","
            + "\"operationName\":\"GET /\",\"startTime\":1}";
    private static final ElasticsearchUsers.Users USERS = ElasticsearchUsers.of(PREFIX);
    private static JaegerStorage storage;
    private static FileRealm realm;

    @BeforeAll
    static void installProdsUsers() {
        storage = SharedStorage.get();
        storage.node().deleteIndices(PREFIX);
        realm = install("prod");
    }

    private static FileRealm install(String stack) {
        RenderedElasticsearch es = RenderedStack.render(StackHarness.config(stack)).elasticsearch().orElseThrow();
        return FileRealm.install(storage.node(), es.users(), es.rolesYaml());
    }

    private static int as(User user, String method, String path, String body) {
        return storage.node().sendAs(user.name(), realm.password(user), method, path, body).statusCode();
    }

    @Test
    void theInitUserCreatesTheIndicesAndAliasesButReadsAndWritesNoSpans(@TempDir Path dir) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(JaegerIndices.rolloverSettings(StackHarness.config("prod")));
        env.putAll(Map.of("ES_USE_ILM", "false", "SHARDS", "1", "REPLICAS", "0",
                "ES_USERNAME", USERS.init().name(), "ES_PASSWORD", realm.password(USERS.init()),
                "ES_TLS_ENABLED", "true", "ES_TLS_CA", storage.caFile().toString()));
        ProcessBuilder init = new ProcessBuilder(E2ePrograms.ES_ROLLOVER.toString(), "init", storage.url())
                .redirectErrorStream(true).redirectOutput(dir.resolve("es-rollover.log").toFile());
        init.environment().putAll(env);

        assertThat(init.start().waitFor()).as("es-rollover init as %s", USERS.init().name()).isZero();
        assertThat(storage.node().send("GET", "/_alias/" + PREFIX + "-jaeger-span-write", null).body())
                .contains(PREFIX + "-jaeger-span-000001");
        assertThat(as(USERS.init(), "POST", "/" + PREFIX + "-jaeger-span-write/_doc", SPAN)).isEqualTo(403);
        assertThat(as(USERS.init(), "GET", "/" + PREFIX + "-jaeger-span-read/_search", null)).isEqualTo(403);
    }

    @Test
    void theWriterAppendsSpansAndServicesButCannotReadDeleteOrWriteElsewhere() {
        ensureIndices();
        User writer = USERS.writer();

        assertThat(as(writer, "POST", "/" + PREFIX + "-jaeger-span-write/_doc", SPAN)).isEqualTo(201);
        assertThat(as(writer, "POST", "/" + PREFIX + "-jaeger-service-write/_doc", "{\"serviceName\":\"a\"}"))
                .isEqualTo(201);
        assertThat(as(writer, "GET", "/" + PREFIX + "-jaeger-span-read/_search", null)).isEqualTo(403);
        assertThat(as(writer, "DELETE", "/" + PREFIX + "-jaeger-span-000001", null)).isEqualTo(403);
        assertThat(as(writer, "POST", "/" + PREFIX + "-jaeger-dependencies-write/_doc", "{}")).isEqualTo(403);
        assertThat(as(writer, "POST", "/stage-jaeger-span-write/_doc", SPAN)).isEqualTo(403);
    }

    @Test
    void theReaderReadsSpansServicesAndDependenciesButCannotWriteOrDelete() {
        ensureIndices();
        User reader = USERS.reader();

        for (String kind : new String[] {"span", "service", "dependencies"}) {
            assertThat(as(reader, "GET", "/" + PREFIX + "-jaeger-" + kind + "-read/_search", null)).as(kind).isEqualTo(200);
        }
        assertThat(as(reader, "POST", "/" + PREFIX + "-jaeger-span-write/_doc", SPAN)).isEqualTo(403);
        assertThat(as(reader, "DELETE", "/" + PREFIX + "-jaeger-span-000001", null)).isEqualTo(403);
    }

    @Test
    void theDependenciesJobReadsSpansAndWritesOnlyDependencyLinks() {
        ensureIndices();
        User job = USERS.dependencies();

        assertThat(as(job, "GET", "/" + PREFIX + "-jaeger-span-read/_search", null)).isEqualTo(200);
        assertThat(as(job, "POST", "/" + PREFIX + "-jaeger-dependencies-write/_doc", "{\"dependencies\":[]}"))
                .isEqualTo(201);
        assertThat(as(job, "POST", "/" + PREFIX + "-jaeger-span-write/_doc", SPAN)).isEqualTo(403);
    }

    @Test
    void noClientCanReachTheClustersSecurityOrSettings() {
        for (User user : USERS.all()) {
            assertThat(as(user, "PUT", "/_cluster/settings",
                    "{\"persistent\":{\"cluster.routing.allocation.enable\":\"all\"}}")).as(user.name()).isEqualTo(403);
            assertThat(as(user, "GET", "/_security/user", null)).as(user.name()).isEqualTo(403);
        }
    }

    @Test
    void anotherEnvironmentsUsersCannotTouchThisOnesIndices() {
        ensureIndices();
        ElasticsearchUsers.Users stage = ElasticsearchUsers.of("stage");
        FileRealm both = install("stage");

        assertThat(storage.node().sendAs(stage.writer().name(), both.password(stage.writer()), "POST",
                "/" + PREFIX + "-jaeger-span-write/_doc", SPAN).statusCode()).isEqualTo(403);
        assertThat(storage.node().sendAs(stage.reader().name(), both.password(stage.reader()), "GET",
                "/" + PREFIX + "-jaeger-span-read/_search", null).statusCode()).isEqualTo(403);
    }

    /** The indices the init creates, made here as elastic when this class's init test has not run first. */
    private static void ensureIndices() {
        for (String kind : new String[] {"span", "service", "dependencies"}) {
            String index = PREFIX + "-jaeger-" + kind + "-000001";
            if (storage.node().send("HEAD", "/" + index, null).statusCode() == 404) {
                storage.node().send("PUT", "/" + index, "{\"aliases\":{\"" + PREFIX + "-jaeger-" + kind + "-read\":{},\""
                        + PREFIX + "-jaeger-" + kind + "-write\":{\"is_write_index\":true}}}");
            }
        }
    }
}
