package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL extensions drop partitions with their rows from a function call, with no DROP in the statement:
 * TimescaleDB's drop_chunks and retention policies, pg_partman's drop_partition_time and drop_partition_id.
 * Each call is a drop-partition finding at the function's name.
 */
class PostgresExtensionCallsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "SELECT drop_chunks('metrics', INTERVAL '30 days') | 1:8 drop-partition drop_chunks(..) drops the partitions of metrics that it selects, with every row in them",
        "SELECT public.drop_chunks(relation => 'conditions'::regclass, older_than => now() - INTERVAL '1 year') | 1:15 drop-partition public.drop_chunks(..) drops the partitions of conditions that it selects, with every row in them",
        "SELECT drop_chunks(interval '3 months', 'conditions') | 1:8 drop-partition drop_chunks(..) drops the partitions of conditions that it selects, with every row in them",
        "DO $$\\nBEGIN\\n  PERFORM drop_chunks(v_table, older_than => v_cutoff);\\nEND $$ | 3:11 drop-partition drop_chunks(..) drops the partitions of the table it names that it selects, with every row in them",
        "SELECT add_retention_policy('metrics', INTERVAL '7 days') | 1:8 drop-partition add_retention_policy(..) schedules a job that keeps dropping the chunks of metrics older than its interval, with every row in them",
        "CREATE TABLE readings (t timestamptz NOT NULL, v float8);\\nSELECT add_retention_policy('readings', drop_after => INTERVAL '1 day') | 2:8 drop-partition add_retention_policy(..) schedules a job that keeps dropping the chunks of readings older than its interval, with every row in them",
        "SELECT partman.drop_partition_time('public.events', p_retention => '90 days', p_keep_table => false) | 1:16 drop-partition partman.drop_partition_time(..) drops the partitions of public.events that it selects, with every row in them",
        "SELECT partman.drop_partition_id('public.orders', '1000000') | 1:16 drop-partition partman.drop_partition_id(..) drops the partitions of public.orders that it selects, with every row in them",
        "SELECT partman.drop_partition_time('public.events', '90 days', true) | -",
        "SELECT partman.drop_partition_time(p_parent_table := 'public.events', p_keep_table := true) | -",
        "SELECT partman.drop_partition_time('public.events', p_retention => '90 days', p_retention_schema => 'archive') | -",
        "SELECT remove_retention_policy('metrics', if_exists => true) | -",
        "SELECT show_chunks('metrics', older_than => INTERVAL '30 days') | -",
        "SELECT create_hypertable('metrics', 'time') | -",
        "SELECT 'drop_chunks(''metrics'')' AS note | -",
        "CREATE TABLE tmp_m (t timestamptz NOT NULL);\\nSELECT drop_chunks('tmp_m', INTERVAL '1 day') | -",
    })
    void extensionCallsThatDropPartitionsAreReported(String sql, String expected) {
        List<Rule> rules = new ArrayList<>(DataLossRules.all());
        rules.add(new DeleteWithoutWhereRule());
        List<String> hits = RulePipeline.run(Dialect.POSTGRESQL, sql.replace("\\n", "\n"), rules).stream()
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule() + " " + hit.message()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), hits, sql);
    }

}
