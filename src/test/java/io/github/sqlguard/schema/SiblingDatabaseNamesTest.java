package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which files name a database that only their per-database siblings show to be one. */
class SiblingDatabaseNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // the word in the last hyphenated place, beside two known databases
        "u/1.0-upgrade-1.1-mysql.sql u/1.0-upgrade-1.1-pg.sql u/1.0-upgrade-1.1-gs.sql | u/1.0-upgrade-1.1-gs.sql=gs",
        // in the first place
        "mysql-schema.sql postgres-schema.sql xg-schema.sql | xg-schema.sql=xg",
        // Windows separators
        "u\\x-mysql.sql u\\x-oracle.sql u\\x-xc.sql | u\\x-xc.sql=xc",
        // one known sibling is not enough: schema-test.sql is as likely the tests' schema
        "schema-mysql.sql schema-test.sql | ",
        // a word for every database
        "x-mysql.sql x-pg.sql x-all.sql x-common.sql | ",
        // siblings only in the same folder
        "a/x-mysql.sql a/x-pg.sql b/x-gs.sql | ",
        // a Flyway description names no database
        "V1__x-mysql.sql V1__x-pg.sql V1__x-gs.sql | ",
        // after the last underscore, known databases too, since the path alone does not name them there
        "u/9/chat_mysql.sql u/9/chat_oracle.sql u/9/chat_sybase.sql u/9/chat_xg.sql | "
            + "u/9/chat_mysql.sql=mysql u/9/chat_oracle.sql=oracle u/9/chat_sybase.sql=sybase"
            + " u/9/chat_xg.sql=xg",
        // between underscores, as some projects name their upgrade scripts
        "c/lms_23_mysql_conversion.sql c/lms_23_oracle_conversion.sql c/lms_23_1_conversion.sql | "
            + "c/lms_23_mysql_conversion.sql=mysql c/lms_23_oracle_conversion.sql=oracle",
        // a known database where the folder's siblings name theirs, before the same ending, without a twin
        "c/lms_23_mysql_conversion.sql c/lms_23_oracle_conversion.sql c/lms_10_1-10_5_mysql_conversion.sql"
            + " c/lms_10_3-10_5_oracle_conversion.sql c/engine_mysql.sql d/lms_10_mysql_conversion.sql | "
            + "c/lms_10_1-10_5_mysql_conversion.sql=mysql c/lms_10_3-10_5_oracle_conversion.sql=oracle"
            + " c/lms_23_mysql_conversion.sql=mysql c/lms_23_oracle_conversion.sql=oracle",
        // the words around it must match too
        "lms_22_mysql_conversion.sql lms_23_oracle_conversion.sql lms_23_mysql_fix.sql | ",
        // one known database after an underscore names none: engine_mysql.sql may be about a MySQL engine
        "engine_mysql.sql engine_test.sql | ",
        // nor does a Flyway description
        "V1__x_mysql.sql V1__x_pg.sql | ",
        // a known database after the last underscore, beside the same name without it: its version of that script
        "db/app_ddl.sql db/app_ddl_pg.sql db/app_dml.sql db/app_dml_oracle.sql | "
            + "db/app_ddl_pg.sql=pg db/app_dml_oracle.sql=oracle",
        // not beside a twin in another folder, nor a word that is no database, nor one that means every database
        "a/app_ddl.sql b/app_ddl_pg.sql c/app.sql c/app_test.sql c/app_common.sql | ",
        // nor a Flyway script beside its twin
        "V1__init.sql V1__init_pg.sql | ",
        // the rest of the name must match too
        "1.0-upgrade-1.1-mysql.sql 1.0-upgrade-1.1-pg.sql 1.1-upgrade-1.2-gs.sql | ",
        // a folder beside two named for databases, holding a script one of them holds too
        "db/init/mysql/schema.sql db/init/pg/tables.sql db/init/gs/tables.sql db/init/xc/schema.sql | "
            + "db/init/gs/tables.sql=gs db/init/xc/schema.sql=xc",
        // every script below it, at any depth
        "sql/mysql/patches/001.sql sql/pg/patches/001.sql sql/pg/patches/002.sql sql/gs/patches/001.sql"
            + " sql/gs/patches/002.sql | sql/gs/patches/001.sql=gs sql/gs/patches/002.sql=gs",
        // not with a script no database folder holds, beside one database folder only, nor a folder for every
        // database or one that runs with another
        "db/mysql/V1__a.sql db/pg/V1__a.sql db/seed/data.sql | ",
        "db/h2/V1__a.sql db/sybase/V1__a.sql db/migration/V1__a.sql db/migration/V2__b.sql | ",
        "db/mysql/V1__a.sql db/gs/V1__a.sql | ",
        "db/mysql/x.sql db/pg/x.sql db/common/x.sql db/down/x.sql | ",
        // a word between hyphens, where the same name with another known database beside it stands for it
        "r/App-DDL-Oracle-DROP.sql r/App-DDL-Postgres-DROP.sql r/App-DDL-MySQL-DROP.sql r/App-DDL-SQLServer-DROP.sql"
            + " r/App-DDL-AzureDB-DROP.sql | r/App-DDL-AzureDB-DROP.sql=azuredb r/App-DDL-MySQL-DROP.sql=mysql"
            + " r/App-DDL-Oracle-DROP.sql=oracle r/App-DDL-Postgres-DROP.sql=postgres"
            + " r/App-DDL-SQLServer-DROP.sql=sqlserver",
        // one known database between hyphens names none: add-mysql-support-flag.sql may well be any database's
        "add-mysql-support-flag.sql add-oracle-check.sql drop-h2-tables.sql | ",
        // nor between underscores
        "add_mysql_support_flag.sql add_audit_flag.sql drop_oracle_legacy_table.sql | ",
        // nor a Flyway description, whatever its siblings
        "V3__drop-oracle-legacy.sql V3__drop-mysql-legacy.sql | ",
        "V3__drop_oracle_legacy_table.sql V3__drop_mysql_legacy_table.sql | "
    })
    void namesTheWordInADatabasesPlace(String paths, String expected) {
        Map<String, String> named = SiblingDatabaseNames.of(Arrays.asList(paths.split(" ")));
        List<String> entries = named.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
        assertEquals(expected == null ? List.of() : List.of(expected.split(" ")), entries);
    }
}
