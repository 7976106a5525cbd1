package geokg.launcher;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neo4j.kernel.api.query.ExecutingQuery;
import org.neo4j.kernel.api.query.QuerySnapshot;
import org.neo4j.kernel.impl.query.QueryExecutionMonitor;

/**
 * A diagnostic per-query log for Community Edition, whose query.log is an Enterprise feature:
 * one tab-separated line per finished query with the times Neo4j itself measured (compilation,
 * i.e. parsing plus planning on a plan-cache miss; CPU; lock waits; page-cache hits and faults)
 * and whether the plan came from the cache. scripts/bench-load reads it to say where a cold
 * load's time goes. Off unless NEO4J_QUERY_STATS names a file.
 *
 * <p>Columns: end (Unix ms), elapsed µs, compilation µs, CPU µs (-1 unknown), lock wait µs, page
 * hits, page faults, logical plan cache (HIT/MISS/-), executable query cache, query text on one
 * line.
 */
final class QueryStats implements QueryExecutionMonitor {
    private final BufferedWriter out;

    QueryStats(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public void startProcessing(ExecutingQuery query) {}

    @Override
    public void startExecution(ExecutingQuery query) {}

    @Override
    public void endFailure(ExecutingQuery query, Throwable failure) {
        write(query, "FAILED");
    }

    @Override
    public void endFailure(ExecutingQuery query, String reason, org.neo4j.kernel.api.exceptions.Status status,
            org.neo4j.gqlstatus.ErrorGqlStatusObject gql) {
        write(query, "FAILED");
    }

    @Override
    public void endSuccess(ExecutingQuery query) {
        write(query, "");
    }

    private synchronized void write(ExecutingQuery query, String failed) {
        QuerySnapshot s = query.snapshot();
        String text = (failed + s.rawQueryText()).replaceAll("\\s+", " ").trim();
        try {
            out.write(System.currentTimeMillis() + "\t" + s.elapsedTimeMicros() + "\t" + s.compilationTimeMicros()
                    + "\t" + s.cpuTimeMicros().orElse(-1) + "\t" + s.waitTimeMicros() + "\t" + s.pageHits()
                    + "\t" + s.pageFaults()
                    + "\t" + s.logicalPlanCacheUsage().map(Enum::name).orElse("-")
                    + "\t" + s.executableQueryCacheUsage().map(Enum::name).orElse("-")
                    + "\t" + text + "\n");
            out.flush(); // a diagnostic: the reader may look while the database runs
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
