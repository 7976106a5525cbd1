package geokg.launcher;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnector.EncryptionLevel;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;
import org.neo4j.monitoring.Monitors;

/**
 * Runs a real Neo4j Community DBMS in this JVM and exposes it over Bolt, so Go tests and tools
 * can talk to it exactly as they would to a Neo4j server -- without Docker.
 *
 * <p>Configured by environment variables (scripts/neo4j sets them):
 * NEO4J_PORT (7687), NEO4J_DATA_DIR (.neo4j/data), NEO4J_PAGECACHE (128m), NEO4J_READY_FILE (none),
 * NEO4J_QUERY_STATS (none: a file for the diagnostic query log, QueryStats), NEO4J_CONF_FILE (none: extra
 * settings in neo4j.conf format).
 */
public final class Neo4jLauncher {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("NEO4J_PORT", "7687"));
        Path dataDir = Path.of(env("NEO4J_DATA_DIR", ".neo4j/data")).toAbsolutePath();
        long pageCache = ByteUnit.parse(env("NEO4J_PAGECACHE", "128m"));
        String readyEnv = env("NEO4J_READY_FILE", "");
        Path readyFile = readyEnv.isEmpty() ? null : Path.of(readyEnv).toAbsolutePath();
        if (readyFile != null) {
            Files.deleteIfExists(readyFile); // a stale marker must never signal "ready"
        }

        // dataDir is both Neo4j's home and its data directory, so everything lives in one folder:
        // databases/, transactions/ and logs/debug.log (the place to look when something is off).
        String statsEnv = env("NEO4J_QUERY_STATS", "");
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(GraphDatabaseSettings.data_directory, dataDir)
                // Bolt only, plain text, loopback only: a local dev/test database.
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.initial_default_database, "neo4j")
                // Small, explicit memory: the default page cache is 50% of RAM minus heap.
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                // Keep transaction logs small: rotate at 16 MiB, keep 2 files, don't pre-allocate.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // Netty waits a 5 s "quiet period" per event loop group at shutdown (~10 s in total);
                // connections are already closed by then, so skip it and make `stop` fast.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                // Replan a cached query plan at most once a minute (Neo4j's default: every 10 s, when the
                // statistics it was planned with changed by 75 %). A geokg graph grows from empty, so a
                // load's statistics change that much every few seconds at first, and every write statement
                // was planned again and again while the JVM was still cold (~3 s of a 1,000-article first
                // load); the writes are index seeks whatever the statistics (TestWritesUseIndexes).
                .setConfig(GraphDatabaseSettings.cypher_min_replan_interval, Duration.ofMinutes(1))
                // No phoning home (the machines have no general internet access anyway).
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Neo4j's user-facing log ("Bolt enabled on ...", errors) goes to stdout.
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                // The diagnostic query log (QueryStats) reports CPU time only when it is tracked.
                .setConfig(GraphDatabaseSettings.track_query_cpu_time, !statsEnv.isEmpty());
        // Extra settings for experiments, in neo4j.conf's format.
        String conf = env("NEO4J_CONF_FILE", "");
        if (!conf.isEmpty()) {
            builder.loadPropertiesFromFile(Path.of(conf).toAbsolutePath());
        }
        DatabaseManagementService dbms = builder.build();

        // SIGTERM/SIGINT run shutdown hooks: stop Neo4j cleanly so the next start needs no recovery.
        // (A signal that arrives during build() just kills the JVM; Neo4j recovers on the next start.)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j stopping");
            try {
                if (readyFile != null) {
                    Files.deleteIfExists(readyFile);
                }
            } catch (Exception ignored) {
                // best effort; the script deletes it too
            }
            dbms.shutdown();
            System.out.println("neo4j stopped");
        }, "neo4j-shutdown"));

        // build() returns once the DBMS (and Bolt) is up; wait until the default db accepts work.
        GraphDatabaseService db = dbms.database("neo4j");
        if (!db.isAvailable(Duration.ofMinutes(3).toMillis())) {
            System.out.println("neo4j FAILED: database 'neo4j' not available");
            System.exit(1);
        }

        if (!statsEnv.isEmpty()) {
            ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(Monitors.class)
                    .addMonitorListener(new QueryStats(Path.of(statsEnv).toAbsolutePath()));
        }

        String uri = "bolt://127.0.0.1:" + port;
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        if (readyFile != null) {
            // Write then rename, so readers never see a half-written file.
            Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
            Files.writeString(tmp, uri + "\n");
            Files.move(tmp, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("neo4j ready " + uri + " (jvm uptime " + uptimeMs + " ms, data " + dataDir + ")");

        // Neo4j runs on its own threads; keep main alive until the JVM is told to exit.
        Thread.currentThread().join();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
