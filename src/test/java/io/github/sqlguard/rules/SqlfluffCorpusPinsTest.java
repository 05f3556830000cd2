package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.CorpusFiles;
import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the data-loss findings on sqlfluff's dialect fixtures ({@code shared/corpus/sqlfluff}): for each file,
 * the exact {@code line:rule} list, each finding on the line of its clause. Every expected entry was checked by reading the SQL, not copied from
 * output.
 */
class SqlfluffCorpusPinsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // DROP COLUMN (10), two TYPE clauses (13, 14), SET DATA TYPE (17), TYPE after a DROP DEFAULT clause
        // (23), RENAME COLUMN (51), RENAME TO (53), each at its clause; SET DEFAULT, SET NOT NULL, RENAME
        // CONSTRAINT, DETACH PARTITION, ON UPDATE CASCADE are not findings.
        "postgres/alter_table.sql | postgresql | 10:drop-column 13:alter-column-type 14:alter-column-type"
                + " 17:alter-column-type 23:alter-column-type 51:rename-column 53:rename-table",
        // Every statement truncates; lines 13 and 19 (the CASCADE word of the statement starting at 15) cascade.
        "postgres/truncate.sql | postgresql | 1:truncate-table 2:truncate-table 3:truncate-table 4:truncate-table"
                + " 5:truncate-table 6:truncate-table 7:truncate-table 8:truncate-table 9:truncate-table"
                + " 10:truncate-table 11:truncate-table 12:truncate-table 13:truncate-table 13:cascade"
                + " 14:truncate-table 15:truncate-table 19:cascade",
        "postgres/drop_owned.sql | postgresql | 1:drop-schema 3:drop-schema 5:drop-schema 7:drop-schema"
                + " 9:drop-schema 11:drop-schema 13:drop-schema 13:cascade 15:drop-schema 17:drop-schema 17:cascade"
                + " 19:drop-schema",
        // MODIFY with a type (2, 6, 101..119), RENAME TO/AS/bare (8, 10, 12), RENAME COLUMN (14), CHANGE old
        // new type (17..26: rename and type), DROP COLUMN (29), TRUNCATE PARTITION (97), each at its clause on
        // the line after ALTER TABLE. DROP INDEX, RENAME INDEX/KEY, ALTER c SET/DROP DEFAULT are not findings.
        "mysql/alter_table.sql | mysql | 2:alter-column-type 6:alter-column-type 8:rename-table 10:rename-table"
                + " 12:rename-table 14:rename-column 17:rename-column 17:alter-column-type 20:rename-column"
                + " 20:alter-column-type 23:rename-column 23:alter-column-type 26:rename-column 26:alter-column-type"
                + " 29:drop-column 97:truncate-table 101:alter-column-type 103:alter-column-type"
                + " 105:alter-column-type 107:alter-column-type 109:alter-column-type 111:alter-column-type"
                + " 115:alter-column-type 119:alter-column-type",
        // DROP TEMPORARY TABLE (1, 3) is not reported; MySQL ignores CASCADE (7).
        "mysql/drop_table.sql | mysql | 5:drop-table 7:drop-table",
        "mysql/rename_table.sql | mysql | 1:rename-table 2:rename-table",
        // SWITCH .. WITH (TRUNCATE_TARGET = ON) empties the target (1); T-SQL DROP COLUMN a, b (5): one clause.
        "tsql/alter_and_drop.sql | sqlserver | 1:truncate-table 2:drop-table 5:drop-column",
        "tsql/drop_table.sql | sqlserver | 1:drop-table 3:drop-table 5:drop-table 7:drop-table 9:drop-table"
                + " 9:cascade 11:drop-table 11:cascade",
        // DROP TABLE of tables created earlier in the file (10, 26) is not reported; ALTER COLUMN c type (35);
        // DROP COLUMN lists (153, 154: one clause each; 190 and 192: two COLUMN clauses); DROP CONSTRAINT lists
        // (186) and a bare T-SQL DROP name (45) are constraints.
        "tsql/alter_table.sql | sqlserver | 35:alter-column-type 153:drop-column 154:drop-column 190:drop-column"
                + " 192:drop-column",
        // The table dropped (22, 38) was created by the same file (2, 24): a scratch table.
        "tsql/create_table_as_select.sql | sqlserver | -",
        // PURGE and CASCADE CONSTRAINTS forms of DROP TABLE; two with CASCADE CONSTRAINTS.
        "oracle/drop_table.sql | oracle | 1:drop-table 1:cascade 2:drop-table 2:cascade 3:drop-table",
        // RENAME COLUMN (2), MODIFY c NUMBER(18) (10), DROP COLUMN (14), DROP (a, b) (17: one clause), each on
        // the line after ALTER TABLE; MODIFY (c NOT NULL ENABLE) and MODIFY (c DEFAULT 10) change no type.
        "oracle/alter_table.sql | oracle | 2:rename-column 10:alter-column-type 14:drop-column 17:drop-column",
        // Only DROP USER .. CASCADE drops the user's schema.
        "oracle/drop_user.sql | oracle | 3:drop-schema 3:cascade 7:drop-schema 7:cascade 9:drop-schema 9:cascade",
        // INCLUDING TABLES drops the cluster's tables (3, 5, 11, 13); CASCADE CONSTRAINTS (7, 13: its word).
        "oracle/drop_cluster.sql | oracle | 3:drop-table 5:drop-table 7:cascade 11:drop-table 13:drop-table"
                + " 13:cascade",
    })
    void findingsMatchWhatTheSqlSays(String file, String dialect, String expected) throws IOException {
        Path path = CorpusFiles.folder("sqlfluff").resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(path), "corpus not found at " + path);
        String sql = Files.readString(path, StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        for (RulePipeline.Hit hit : RulePipeline.run(Dialect.fromConfig(dialect), sql)) {
            found.add(hit.toString());
        }
        List<String> wanted = expected.equals("-") ? List.of() : List.of(expected.split(" "));
        assertEquals(wanted, found, file);
    }
}
