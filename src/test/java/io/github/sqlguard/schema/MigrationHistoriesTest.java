package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.FlywayNaming;
import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.source.SourceKind;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a down script is checked against follows the script it reverses, so cached results stay honest. */
class MigrationHistoriesTest {

    private static String downHistory(String upSql) {
        MigrationHistories histories = new MigrationHistories();
        add(histories, "m/2020_a/up.sql", upSql);
        add(histories, "m/2020_a/down.sql", "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(5);");
        histories.replay();
        return histories.historyBefore("m/2020_a/down.sql");
    }

    private static void add(MigrationHistories histories, String path, String sql) {
        histories.add(path, SourceClassification.of(SourceKind.PLAIN_SQL),
                new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT).split(path, sql).statements());
    }

    @Test
    void aDownScriptsHistoryIsTheOneAfterItsUpScript() {
        String narrow = downHistory("CREATE TABLE t (c VARCHAR(10));");
        assertTrue(!narrow.isEmpty());
        assertEquals(narrow, downHistory("CREATE TABLE t (c VARCHAR(10));"));
        assertNotEquals(narrow, downHistory("CREATE TABLE t (c VARCHAR(100));"));
    }

    /** A versioned migration may call a routine a repeatable one creates: its cached results follow that script. */
    @Test
    void aVersionedMigrationsHistoryFollowsTheRepeatableMigrations() {
        String before = historyOfV1WithRepeatable("CREATE FUNCTION f() RETURNS void AS $$ DELETE FROM t $$ LANGUAGE sql;");
        assertEquals(before, historyOfV1WithRepeatable(
                "CREATE FUNCTION f() RETURNS void AS $$ DELETE FROM t $$ LANGUAGE sql;"));
        assertNotEquals(before, historyOfV1WithRepeatable(
                "CREATE FUNCTION f() RETURNS void AS $$ DELETE FROM t WHERE id = 1 $$ LANGUAGE sql;"));
    }

    private static String historyOfV1WithRepeatable(String repeatableSql) {
        MigrationHistories histories = new MigrationHistories();
        for (String path : List.of("db/V1__call.sql", "db/R__functions.sql")) {
            String sql = path.startsWith("db/V") ? "SELECT f();" : repeatableSql;
            var flyway = FlywayNaming.DEFAULT.parse(path.substring(3)).orElseThrow();
            histories.add(path, new SourceClassification(flyway.kind(), Optional.of(flyway)),
                    new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT).split(path, sql).statements());
        }
        histories.replay();
        return histories.historyBefore("db/V1__call.sql");
    }

    @Test
    void mariaDbModifyIfExistsIsReplayed() {
        SchemaReplay replay = new SchemaReplay();
        var statements = new StatementSplitter(Dialect.MARIADB, Placeholders.DEFAULT).split("V1__x.sql",
                "CREATE TABLE t (c VARCHAR(10));\nALTER TABLE t MODIFY COLUMN IF EXISTS c VARCHAR(5);\n").statements();
        statements.forEach(replay::apply);
        assertEquals(Optional.of("VARCHAR(10)"), replay.factsFor(statements.get(1)).retypes().get(0).from()
                .map(SqlType::written));
    }

    @Test
    void historiesReplayedInAnyOrderOrInParallelGiveTheSameOutcome() {
        MigrationHistories inOrder = projectOfTwoHistories();
        inOrder.replay();
        MigrationHistories reversed = projectOfTwoHistories();
        reversed.replay(tasks -> {
            List<Runnable> backwards = new ArrayList<>(tasks);
            Collections.reverse(backwards);
            backwards.forEach(Runnable::run);
        });
        MigrationHistories parallel = projectOfTwoHistories();
        parallel.replay(tasks -> tasks.parallelStream().forEach(Runnable::run));

        for (String path : List.of("db/postgresql/V1__a.sql", "db/postgresql/V2__b.sql",
                "db/h2/V1__a.sql", "db/h2/V2__b.sql")) {
            assertEquals(inOrder.historyBefore(path), reversed.historyBefore(path), path);
            assertEquals(inOrder.historyBefore(path), parallel.historyBefore(path), path);
        }
        assertNotEquals(inOrder.historyBefore("db/postgresql/V2__b.sql"),
                inOrder.historyBefore("db/h2/V2__b.sql"));
        var narrowing = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT)
                .split("db/h2/V2__b.sql", BILLING_V2).statements().get(0);
        assertEquals(Optional.of("VARCHAR(100)"), reversed.factsFor(narrowing).retypes().get(0).from()
                .map(SqlType::written));
        assertEquals(Optional.of("VARCHAR(100)"), parallel.factsFor(narrowing).retypes().get(0).from()
                .map(SqlType::written));
    }

    private static final String BILLING_V2 = "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(5);";

    private static MigrationHistories projectOfTwoHistories() {
        MigrationHistories histories = new MigrationHistories();
        add(histories, "db/postgresql/V1__a.sql", "CREATE TABLE t (c VARCHAR(10));");
        add(histories, "db/postgresql/V2__b.sql", "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(20);");
        add(histories, "db/h2/V1__a.sql", "CREATE TABLE t (c VARCHAR(100));");
        add(histories, "db/h2/V2__b.sql", BILLING_V2);
        return histories;
    }

    /**
     * Two folders holding the same Flyway version are the locations of two configurations (Flyway refuses both in
     * one run), so the narrowing in one is judged against its own folder's table, not the other's; a script outside
     * both runs with each, and two scripts of different versions in two folders stay one history.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "db/desktop/V1__a.sql | db/migration/V1__a.sql db/migration/V2__b.sql | db/desktop/V2__b.sql   | VARCHAR(255)",
        "db/V1__a.sql         | db/desktop/V2__a.sql                          | db/migration/V2__a.sql | VARCHAR(255)",
        "db/desktop/V1__a.sql | db/migration/V2__b.sql                        | db/desktop/V3__c.sql   | INT",
    })
    void foldersHoldingOneVersionEachReplayTheirOwnHistory(String create, String widening, String narrowing,
            String typeBefore) {
        MigrationHistories histories = new MigrationHistories();
        addFlyway(histories, create, "CREATE TABLE t (c VARCHAR(255));");
        for (String path : widening.split(" ")) {
            addFlyway(histories, path, "ALTER TABLE t MODIFY COLUMN c INT;");
        }
        addFlyway(histories, narrowing, NARROWING);
        histories.replay();
        var statement = mysql(narrowing, NARROWING).get(0);
        assertEquals(Optional.of(typeBefore), histories.factsFor(statement).retypes().get(0).from()
                .map(SqlType::written));
    }

    /**
     * A script that installs the latest schema beside a folder of version steps ({@code schema.sql} next to
     * {@code versioned/v0.1/}) runs instead of the steps, not before them: the steps' type change names the type
     * their own base gave the column; a script beside folders that are not version steps (dates, a single
     * version) still runs first in the same history, where the base creates its table again with other columns
     * and the type before the change is not known. Step scripts named for the upgrade from one version to the next
     * ({@code update/update_1.0-1.1.sql}) are version steps as well, and those of one database ({@code
     * update/oracle/}) have their install script in that database's folder ({@code oracle/}), and so are folders
     * named for such a step ({@code delta/v230-v240/}); dates and a single versioned name are not. A script named
     * for one version in the folder of such step scripts ({@code hive-schema-3.1.0.mysql.sql} beside {@code
     * upgrade-3.0.0-to-3.1.0.mysql.sql}, as Hive keeps them) installs that version instead of the steps. Folders
     * named for a dotted version and a word ({@code upgrade/1.2.0_schema/}), also holding a folder per database
     * ({@code upgrade/1.2.0_schema/mysql/}), as some projects keep them, are version steps too. So are scripts
     * named for one release each in a folder named for upgrading ({@code schema/upgrade/upgrade-pre-0.9.7.sql}, {@code
     * upgrade/mysql/2.0.0.sql}), whose install scripts are those of the folder above or, for a folder per database,
     * those named for that database in another tree ({@code schema/mysql-schema.sql}); not in any other folder.
     * Scripts named for the changes of one release each ({@code sql/changes-1.6.0.sql}, {@code upgrade_2.1.sql}) are
     * steps in whatever folder, and the scripts beside them named for no release install the latest schema; a name
     * whose word does not say it changes or upgrades ({@code release-1.6.0.sql}) is no step.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "store/schema.sql       | store/versioned/v0.1/base.sql | store/versioned/v0.2/a.sql | store/versioned/v0.10/b.sql"
                + " | VARCHAR(255)",
        "schema.sql             | versioned/v0.1/base.sql       | versioned/v0.9/a.sql       | versioned/v0.10/b.sql"
                + " | VARCHAR(255)",
        "db/install_mysql.sql   | db/upgrade/1/base.sql         | db/upgrade/2/a.sql         | db/upgrade/10/b.sql"
                + " | VARCHAR(255)",
        "db/0_init.sql          | db/2023/01/base.sql           | db/2023/02/a.sql           | db/2023/10/b.sql"
                + " | ",
        "db/init.sql            | db/steps/v1/a_base.sql        | db/steps/v1/b_add.sql      | db/steps/v1/c_narrow.sql"
                + " | ",
        "sql/app.sql            | sql/update/update_1.0-1.1.sql | sql/update/update_1.1-1.2.sql"
                + " | sql/update/update_1.2-2.0.sql | VARCHAR(255)",
        "schema/app_mysql.sql   | schema/upgrade/v3.9.x-v4.0.x.sql | schema/upgrade/v4.0.x-v4.1.x.sql"
                + " | schema/upgrade/v4.1.x-v4.2.x.sql | VARCHAR(255)",
        "install.sql            | upgrade/2.1_to_2.2.sql        | upgrade/2.2_to_2.3.sql     | upgrade/2.3_to_3.0.sql"
                + " | VARCHAR(255)",
        "sql/oracle/app_ora.sql | sql/update/oracle/update_1.0-1.1.sql | sql/update/oracle/update_1.1-1.2.sql"
                + " | sql/update/oracle/update_1.2-2.0.sql | VARCHAR(255)",
        "db/init.sql            | db/monthly/2023.01-base.sql   | db/monthly/2023.02-add.sql | db/monthly/2023.10-c.sql"
                + " | ",
        "db/init.sql            | db/patches/1.0-base.sql       | db/patches/a-add.sql       | db/patches/b-narrow.sql"
                + " | ",
        "sql/configdb.sql       | sql/delta/v040-v050/c-v040-v050.sql | sql/delta/v180-v190/c-v180-v190.sql"
                + " | sql/delta/v230-v240/c-v230-v240.sql | VARCHAR(255)",
        "db/0_init.sql          | db/2023-01/base.sql           | db/2023-02/a.sql           | db/2023-10/b.sql"
                + " | ",
        "mysql/hive-schema-3.1.0.mysql.sql | mysql/upgrade-1.2.0-to-2.0.0.mysql.sql"
                + " | mysql/upgrade-2.0.0-to-3.0.0.mysql.sql | mysql/upgrade-3.0.0-to-3.1.0.mysql.sql | VARCHAR(255)",
        "sql/1.0-seed.sql       | sql/2.0-base.sql              | sql/2.1-add.sql            | sql/2.2-narrow.sql"
                + " | ",
        "db/create/x.mysql.create.sql | db/upgrade/x.mysql.upgradestep.52.to.53.sql"
                + " | db/upgrade/x.mysql.upgradestep.59.to.510.sql | db/upgrade/x.mysql.upgradestep.510.to.511.sql"
                + " | VARCHAR(255)",
        "sql/ds_mysql.sql       | sql/upgrade/1.0.0_schema/mysql/ddl.sql | sql/upgrade/1.2.0_schema/mysql/ddl.sql"
                + " | sql/upgrade/1.10.0_schema/mysql/ddl.sql | VARCHAR(255)",
        "sql/ds_mysql.sql       | sql/upgrade/1.0.0_schema/ddl.sql | sql/upgrade/1.2.0_schema/ddl.sql"
                + " | sql/upgrade/1.10.0_schema/ddl.sql | VARCHAR(255)",
        "db/ddl-scripts/mysql5/mysql5-schema.sql | db/upgrade-scripts/mysql5/app-6.0-to-6.1.sql"
                + " | db/upgrade-scripts/mysql5/app-6.1-to-6.2.sql | db/upgrade-scripts/mysql5/app-6.2-to-6.3.sql"
                + " | VARCHAR(255)",
        "schema/001-create-schema.sql | schema/upgrade/upgrade-pre-0.9.6.sql | schema/upgrade/upgrade-pre-0.9.7.sql"
                + " | schema/upgrade/upgrade-pre-0.9.10.sql | VARCHAR(255)",
        "script/schema/mysql-schema.sql | script/upgrade/mysql/1.2.3.sql | script/upgrade/mysql/2.0.0.sql"
                + " | script/upgrade/mysql/2.1.0.sql | VARCHAR(255)",
        "script/data/mysql-data.sql | script/upgrade/mysql/1.2.3.sql | script/upgrade/mysql/2.0.0.sql"
                + " | script/upgrade/mysql/2.1.0.sql | VARCHAR(255)",
        "db/schema.sql          | db/scripts/1.0.0.sql          | db/scripts/1.1.0.sql       | db/scripts/1.2.0.sql"
                + " | ",
        "db/init/mysql/schema.sql | db/upgrade/1.3.0-upgrade-1.4.0-mysql.sql | db/upgrade/1.4.0-upgrade-1.4.1-mysql.sql"
                + " | db/upgrade/1.4.1-upgrade-1.5.0-mysql.sql | VARCHAR(255)",
        "db/baseline/app.mysql.create.sql | db/upgrade/mysql_app_1.0_to_1.1.sql | db/upgrade/mysql_app_1.1_to_1.2.sql"
                + " | db/upgrade/mysql_app_1.2_to_1.3.sql | VARCHAR(255)",
        "db/liquibase/baseline/app.mysql.create.sql | db/upgrade/mysql_app_1.0_to_1.1.sql"
                + " | db/upgrade/mysql_app_1.1_to_1.2.sql | db/upgrade/mysql_app_1.2_to_1.3.sql | VARCHAR(255)",
        "sql/app_manager.sql    | sql/changes-1.5.0.sql         | sql/changes-1.6.0.sql      | sql/changes-1.10.0.sql"
                + " | VARCHAR(255)",
        "schema.sql             | upgrade_2.0.sql               | upgrade_2.1.sql            | upgrade_2.2.sql"
                + " | VARCHAR(255)",
        "db/schema.sql          | db/update-v3.0-mysql.sql      | db/update-v3.1-mysql.sql   | db/update-v3.2-mysql.sql"
                + " | VARCHAR(255)",
        "sql/app.sql            | sql/release-1.5.0.sql         | sql/release-1.6.0.sql      | sql/release-1.10.0.sql"
                + " | ",
    })
    void anInstallScriptBesideVersionStepsIsAHistoryOfItsOwn(String install, String base, String other,
            String narrowing, String typeBefore) {
        MigrationHistories histories = new MigrationHistories();
        addMysql(histories, install, "CREATE TABLE t (c VARCHAR(500), d INT);");
        addMysql(histories, base, "CREATE TABLE t (c VARCHAR(255));");
        addMysql(histories, other, "ALTER TABLE t ADD e INT;");
        addMysql(histories, narrowing, "ALTER TABLE t MODIFY COLUMN c VARCHAR(50);");
        histories.replay();
        var statement = mysql(narrowing, "ALTER TABLE t MODIFY COLUMN c VARCHAR(50);").get(0);
        assertEquals(Optional.ofNullable(typeBefore), histories.factsFor(statement).retypes().get(0).from()
                .map(SqlType::written));
    }

    /**
     * Hive installs the oldest version its upgrade steps start from ({@code hive-schema-1.2.0.mysql.sql}) and then
     * runs the steps, so the steps' history starts with that install script and knows the tables it creates; a later
     * version's install ({@code hive-schema-3.1.0.mysql.sql}) is not part of it.
     */
    @Test
    void upgradeStepsStartFromTheInstallOfTheirFirstVersion() {
        MigrationHistories histories = new MigrationHistories();
        addMysql(histories, "mysql/hive-schema-1.2.0.mysql.sql", "CREATE TABLE t (c VARCHAR(255));");
        addMysql(histories, "mysql/hive-schema-3.1.0.mysql.sql", "CREATE TABLE t (c VARCHAR(50), d INT);");
        addMysql(histories, "mysql/upgrade-1.2.0-to-2.0.0.mysql.sql", "ALTER TABLE t ADD e INT;");
        addMysql(histories, "mysql/upgrade-2.0.0-to-3.1.0.mysql.sql", NARROWING);
        histories.replay();
        var retype = histories.factsFor(mysql("mysql/upgrade-2.0.0-to-3.1.0.mysql.sql", NARROWING).get(0))
                .retypes().get(0);
        assertEquals(Optional.of("VARCHAR(255)"), retype.from().map(SqlType::written), retype.unknownBecause());
        var create = mysql("mysql/hive-schema-1.2.0.mysql.sql", "CREATE TABLE t (c VARCHAR(255));").get(0);
        assertTrue(histories.factsFor(create).before().table("t").isEmpty());
    }

    /**
     * A full schema kept per version beside the steps ({@code main/full_schemas/72/full.sql} beside {@code
     * main/delta/73/}, as Synapse keeps them) is what a new database starts from: when every step stands above its
     * version, the steps run after it and know the tables it creates (after the latest of several); a folder whose
     * name does not say it holds whole schemas ({@code main/extra/72/}) stays a plain folder run in path order, after
     * {@code main/delta/}. Each line: the full schema, the step that adds a column, the step that narrows it, and the
     * type the narrowing finds.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "main/full_schemas/72/full.sql  | main/delta/73/a.sql | main/delta/74/b.sql | VARCHAR(255)",
        "full_schemas/72/full.sql       | delta/73/a.sql      | delta/74/b.sql      | VARCHAR(255)",
        "db/snapshots/v2.0/schema.sql   | db/deltas/v2.1/a.sql | db/deltas/v2.2/b.sql | VARCHAR(255)",
        "main/full_schemas/16/full.sql  | main/delta/73/a.sql | main/delta/74/b.sql | ",
        "main/extra/72/full.sql         | main/delta/73/a.sql | main/delta/74/b.sql | ",
    })
    void stepsAboveAFullSchemasVersionRunAfterIt(String full, String adding, String narrowing, String typeBefore) {
        MigrationHistories histories = new MigrationHistories();
        if (full.contains("/16/")) {
            addMysql(histories, full, "CREATE TABLE t (c VARCHAR(500));");
            addMysql(histories, full.replace("/16/", "/72/"), "CREATE TABLE u (c VARCHAR(255));");
        } else {
            addMysql(histories, full, "CREATE TABLE t (c VARCHAR(255));");
        }
        addMysql(histories, adding, "ALTER TABLE t ADD e INT;");
        addMysql(histories, narrowing, "ALTER TABLE t MODIFY COLUMN c VARCHAR(50);");
        histories.replay();
        var retype = histories.factsFor(mysql(narrowing, "ALTER TABLE t MODIFY COLUMN c VARCHAR(50);").get(0))
                .retypes().get(0);
        assertEquals(Optional.ofNullable(typeBefore), retype.from().map(SqlType::written), retype.unknownBecause());
    }

    /**
     * Where steps at or below a full schema's version remain, they build the schema, as on the databases that ran
     * them: the full schema is not replayed after them (its tables would be "created again") but checked on its own,
     * as a new database runs it.
     */
    @Test
    void aFullSchemaBesideTheStepsBelowItsVersionIsAHistoryOfItsOwn() {
        MigrationHistories histories = new MigrationHistories();
        addMysql(histories, "main/delta/12/base.sql", "CREATE TABLE t (c VARCHAR(255));");
        addMysql(histories, "main/delta/73/a.sql", "ALTER TABLE t ADD e INT;");
        addMysql(histories, "main/full_schemas/72/full.sql", "CREATE TABLE t (c VARCHAR(500), e INT);");
        addMysql(histories, "main/delta/74/b.sql", NARROWING);
        histories.replay();
        var retype = histories.factsFor(mysql("main/delta/74/b.sql", NARROWING).get(0)).retypes().get(0);
        assertEquals(Optional.of("VARCHAR(255)"), retype.from().map(SqlType::written), retype.unknownBecause());
        var create = mysql("main/full_schemas/72/full.sql", "CREATE TABLE t (c VARCHAR(500), e INT);").get(0);
        assertTrue(histories.factsFor(create).before().table("t").isEmpty());
    }

    /**
     * A teardown script in a {@code drop/} folder beside the version steps ({@code db/create/}, {@code db/drop/},
     * {@code db/upgrade/}, as some projects keep them) runs after the install, never before a step: a step's type
     * change is not told that its table was dropped by the teardown.
     */
    @Test
    void aTeardownBesideVersionStepsIsNotReplayedBeforeTheSteps() {
        MigrationHistories histories = new MigrationHistories();
        addMysql(histories, "db/create/x.mysql.create.sql", "CREATE TABLE t (c VARCHAR(500));");
        addMysql(histories, "db/drop/x.mysql.drop.sql", "DROP TABLE t;");
        addMysql(histories, "db/upgrade/x.mysql.upgradestep.52.to.53.sql", "ALTER TABLE t ADD e INT;");
        addMysql(histories, "db/upgrade/x.mysql.upgradestep.53.to.54.sql", NARROWING);
        histories.replay();
        var retype = histories.factsFor(mysql("db/upgrade/x.mysql.upgradestep.53.to.54.sql", NARROWING).get(0))
                .retypes().get(0);
        assertTrue(!retype.unknownBecause().contains("dropped"), retype.unknownBecause());
        var drop = mysql("db/drop/x.mysql.drop.sql", "DROP TABLE t;").get(0);
        assertTrue(histories.factsFor(drop).before().table("t").isPresent());
    }

    /**
     * A project's first upgrade step is alone in its folder, beside the installs of the releases it joins
     * ({@code upgrade-1.0.0-to-1.1.0-mysql.sql} beside {@code schema-1.0.0-mysql.sql} and {@code
     * schema-1.1.0-mysql.sql}, or beside the first alone): it runs after the install of the version it starts from,
     * as later steps will, and the install of the release it reaches is a history of its own; a lone step beside no install of its versions,
     * or beside one of another version, still runs in one history with the scripts beside it, whose tables it does
     * not know here.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mysql/schema-1.0.0-mysql.sql | mysql/schema-1.1.0-mysql.sql | mysql/upgrade-1.0.0-to-1.1.0-mysql.sql"
                + " | VARCHAR(255)",
        "mysql/schema-1.0.0-mysql.sql |                            | mysql/upgrade-1.0.0-to-1.1.0-mysql.sql"
                + " | VARCHAR(255)",
        "db/app-1.2.sql             | db/app-1.3.sql              | db/app_1.2_to_1.3.sql           | VARCHAR(255)",
        "db/app-1.2.sql             | db/app-1.3.sql              | db/app-1.2-upgrade-1.3.sql      | VARCHAR(255)",
        "mysql/schema-0.9.0-mysql.sql | mysql/schema-1.1.0-mysql.sql | mysql/upgrade-1.0.0-to-1.1.0-mysql.sql | ",
        "mysql/schema-0.9.0-mysql.sql | mysql/schema-1.2.0-mysql.sql | mysql/upgrade-1.0.0-to-1.1.0-mysql.sql | ",
        "db/base.sql                | db/latest.sql               | db/upgrade-1.0.0-to-1.1.0.sql   | ",
    })
    void aLoneUpgradeStepRunsAfterTheInstallOfItsFirstVersion(String first, String second, String step,
            String typeBefore) {
        MigrationHistories histories = new MigrationHistories();
        addMysql(histories, first, "CREATE TABLE t (c VARCHAR(255));");
        if (second != null) {
            addMysql(histories, second, "CREATE TABLE t (c VARCHAR(50), d INT);");
        }
        addMysql(histories, step, NARROWING);
        histories.replay();
        var retype = histories.factsFor(mysql(step, NARROWING).get(0)).retypes().get(0);
        assertEquals(Optional.ofNullable(typeBefore), retype.from().map(SqlType::written), retype.unknownBecause());
    }

    /**
     * {@code 1.1-upgrade-1.2-ob.sql} beside the {@code -mysql} and {@code -pg} versions of the same upgrade is that
     * upgrade for another database (OceanBase), so it is not judged against the tables the MySQL scripts created;
     * a {@code -all} file beside them still runs on every database.
     */
    @ParameterizedTest
    @CsvSource({"ob, false", "all, true"})
    void aFileNamedLikeItsPerDatabaseSiblingsIsAnotherDatabasesVersion(String word, boolean seesMysqlTables) {
        MigrationHistories histories = new MigrationHistories();
        addMysql(histories, "db/upgrade/1.0-upgrade-1.1-mysql.sql", "CREATE TABLE t (c VARCHAR(500));");
        addMysql(histories, "db/upgrade/1.1-upgrade-1.2-mysql.sql", "ALTER TABLE t ADD e INT;");
        addMysql(histories, "db/upgrade/1.1-upgrade-1.2-pg.sql", "ALTER TABLE t ADD e INT;");
        String path = "db/upgrade/1.1-upgrade-1.2-" + word + ".sql";
        addMysql(histories, path, NARROWING);
        histories.replay();
        var retype = histories.factsFor(mysql(path, NARROWING).get(0)).retypes().get(0);
        assertEquals(seesMysqlTables, retype.from().isPresent(), retype.unknownBecause());
    }

    /**
     * Upgrade steps that name their database before the version ({@code engine.mysql.upgradestep.52.to.53.sql})
     * beside steps for every database ({@code engine.all.upgradestep.53.to.54.sql}) run in version order, as
     * the installer steps through them: the name of the database is not what orders them.
     */
    @ParameterizedTest
    @CsvSource({"x.all.upgradestep.53.to.54.sql", "x.upgradestep.53.to.54.sql", "engine_5.3_to_5.4.sql"})
    void aStepForEveryDatabaseRunsInVersionOrderAmongTheDatabasesOwnSteps(String everyDatabase) {
        MigrationHistories histories = new MigrationHistories();
        boolean leading = everyDatabase.startsWith("engine");
        String databasesOwn = leading ? "mysql_engine_5.2_to_5.3.sql" : "x.mysql.upgradestep.52.to.53.sql";
        addMysql(histories, "db/upgrade/" + databasesOwn, "CREATE TABLE t (c VARCHAR(255));");
        addMysql(histories, "db/upgrade/" + everyDatabase, NARROWING);
        histories.replay();
        var retype = histories.factsFor(mysql("db/upgrade/" + everyDatabase, NARROWING).get(0)).retypes().get(0);
        assertEquals(Optional.of("VARCHAR(255)"), retype.from().map(SqlType::written), retype.unknownBecause());
    }

    /**
     * A project that keeps a folder per database ({@code db/sqlserver/}, {@code db/sqlanywhere/}) runs each folder
     * on its own database: SAP SQL Anywhere's folder ({@code sqlanywhere/}, Liquibase's {@code asany}) is another
     * database's history, not steps for every database that would create the SQL Server tables again.
     */
    @ParameterizedTest
    @CsvSource({"sqlanywhere", "asany", "SQL_Anywhere"})
    void aSqlAnywhereFolderIsAnotherDatabasesHistory(String folder) {
        MigrationHistories histories = new MigrationHistories();
        String narrowing = "ALTER TABLE t ALTER COLUMN c VARCHAR(5);";
        addSqlServer(histories, "db/sqlserver/patches/001-create.sql", "CREATE TABLE t (c VARCHAR(255));");
        addSqlServer(histories, "db/" + folder + "/patches/001-create.sql", "CREATE TABLE t (c VARCHAR(50), d INT);");
        addSqlServer(histories, "db/sqlserver/patches/002-narrow.sql", narrowing);
        histories.replay();
        var retype = histories.factsFor(sqlServer("db/sqlserver/patches/002-narrow.sql", narrowing).get(0))
                .retypes().get(0);
        assertEquals(Optional.of("VARCHAR(255)"), retype.from().map(SqlType::written), retype.unknownBecause());
    }

    /**
     * golang-migrate projects keep one folder per database beside each other ({@code postgres/},
     * {@code mysql/}, {@code sqlite3/}, {@code clickhouse/}); the folder of a database without a dialect here is
     * that database's history too, not steps for every database: its tables do not reach the PostgreSQL scripts.
     */
    @ParameterizedTest
    @CsvSource({"clickhouse", "snowflake", "redshift", "bigquery", "spanner", "yugabytedb", "duckdb", "vertica",
        "teradata", "singlestore"})
    void aFolderOfADatabaseWithoutADialectBesidePerDatabaseFoldersIsItsOwnHistory(String folder) {
        MigrationHistories histories = new MigrationHistories();
        String narrowing = "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(5);";
        add(histories, "config/migrations/postgres/0_initial.up.sql", "CREATE TABLE t (c VARCHAR(255));");
        add(histories, "config/migrations/" + folder + "/0_initial.up.sql", "CREATE TABLE t (c VARCHAR(50));");
        add(histories, "config/migrations/postgres/1_narrow.up.sql", narrowing);
        add(histories, "config/migrations/" + folder + "/1_narrow.up.sql", narrowing);
        histories.replay();

        assertEquals(Optional.of("VARCHAR(255)"), typeBefore(histories, "config/migrations/postgres/1_narrow.up.sql",
                narrowing));
        assertEquals(Optional.of("VARCHAR(50)"), typeBefore(histories, "config/migrations/" + folder
                + "/1_narrow.up.sql", narrowing));
    }

    /**
     * Projects that ship scripts for OceanBase and openGauss beside MySQL's, PostgreSQL's and H2's name their folders
     * {@code ob/} and {@code og/}: the H2 schema's tables are not the ones an OceanBase upgrade step changes.
     */
    @ParameterizedTest
    @CsvSource({"ob", "og"})
    void aShortNamedDatabaseFolderBesideAnotherDatabasesFolderIsItsOwnHistory(String folder) {
        MigrationHistories histories = new MigrationHistories();
        String narrowing = "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(5);";
        add(histories, "db/h2/schema.sql", "CREATE TABLE t (c VARCHAR(255));");
        add(histories, "db/" + folder + "/1.0-upgrade-1.1-" + folder + ".sql", narrowing);
        histories.replay();

        assertEquals(Optional.empty(), typeBefore(histories, "db/" + folder + "/1.0-upgrade-1.1-" + folder + ".sql",
                narrowing));
    }

    private static Optional<String> typeBefore(MigrationHistories histories, String path, String retyping) {
        var statements = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT).split(path, retyping)
                .statements();
        return histories.factsFor(statements.get(0)).retypes().get(0).from().map(SqlType::written);
    }

    /**
     * Some projects keep their first PostgreSQL scripts in {@code org.postgresql.Driver/} and the later ones in
     * {@code native/<version>/postgres/}: two spellings of one database, so one history, and the later scripts
     * are judged against the tables the first ones created.
     */
    @Test
    void foldersSpellingOneDatabaseDifferentlyAreOneHistory() {
        MigrationHistories histories = new MigrationHistories();
        String narrowing = "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(5);";
        add(histories, "sql/flyway/org.postgresql.Driver/v001__init.sql", "CREATE TABLE t (c VARCHAR(255));");
        add(histories, "sql/native/1.1.0/postgres/schemaChanges.sql", narrowing);
        histories.replay();
        var statements = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT)
                .split("sql/native/1.1.0/postgres/schemaChanges.sql", narrowing).statements();
        var retype = histories.factsFor(statements.get(0)).retypes().get(0);
        assertEquals(Optional.of("VARCHAR(255)"), retype.from().map(SqlType::written), retype.unknownBecause());
    }

    private static void addSqlServer(MigrationHistories histories, String path, String sql) {
        histories.add(path, SourceClassification.of(SourceKind.PLAIN_SQL), sqlServer(path, sql));
    }

    private static List<io.github.sqlguard.sql.Statement> sqlServer(String path, String sql) {
        return new StatementSplitter(Dialect.SQLSERVER, Placeholders.DEFAULT).split(path, sql).statements();
    }

    /**
     * Sibling folders that hold the same scripts at the same paths ({@code profiles/alpha/delta/v2-v3/x.sql} beside
     * {@code profiles/beta/delta/v2-v3/x.sql}) are copies for different configurations, each a history of its own:
     * the second copy's type change does not take the type the first copy gave the column, also when the copies lie at
     * different depths ({@code src/delta/..} beside {@code profiles/alpha/delta/..}). Folders named for versions
     * ({@code upgrade/1/}, {@code upgrade/2/}) are steps of one history, and two folders sharing one script, or one
     * folder holding the other, are not copies.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "profiles/alpha/delta/v2-v3/x.sql | profiles/alpha/delta/v3-v4/y.sql | profiles/beta/delta/v2-v3/x.sql"
                + " | profiles/beta/delta/v3-v4/y.sql | ",
        "db/upgrade/1/x.sql               | db/upgrade/1/y.sql               | db/upgrade/2/x.sql"
                + " | db/upgrade/2/y.sql               | VARCHAR(50)",
        "profiles/alpha/delta/v2-v3/x.sql | profiles/alpha/delta/v3-v4/y.sql | profiles/beta/delta/v2-v3/x.sql"
                + " | profiles/beta/delta/v3-v4/z.sql | VARCHAR(50)",
        "profiles/alpha/delta/v2-v3/x.sql | profiles/alpha/delta/v3-v4/y.sql | src/delta/v2-v3/x.sql"
                + " | src/delta/v3-v4/y.sql            | ",
        "db/old/x.sql                     | db/old/y.sql                     | db/x.sql"
                + " | db/y.sql                         | VARCHAR(50)",
    })
    void foldersHoldingTheSameScriptsAreCopiesReplayedApart(String first, String firstOther, String second,
            String secondOther, String typeBefore) {
        String narrowing = "ALTER TABLE t MODIFY COLUMN c VARCHAR(50);";
        MigrationHistories histories = new MigrationHistories();
        addMysql(histories, first, narrowing);
        addMysql(histories, firstOther, "ALTER TABLE t ADD d INT;");
        addMysql(histories, second, narrowing);
        addMysql(histories, secondOther, "ALTER TABLE t ADD d INT;");
        histories.replay();
        var retype = histories.factsFor(mysql(second, narrowing).get(0)).retypes().get(0);
        assertEquals(Optional.ofNullable(typeBefore), retype.from().map(SqlType::written), retype.unknownBecause());
    }

    /**
     * A versioned script outside two folders of the same versions ({@code db/V2__common.sql} beside
     * {@code db/desktop/} and {@code db/migration/}) runs in the history of each, and its type change names the type
     * of both.
     */
    @Test
    void aScriptBesideFoldersOfOneVersionEachIsJudgedInBoth() {
        String change = "ALTER TABLE t MODIFY COLUMN c VARCHAR(50);";
        MigrationHistories histories = new MigrationHistories();
        addFlyway(histories, "db/desktop/V1__a.sql", "CREATE TABLE t (c VARCHAR(100));");
        addFlyway(histories, "db/migration/V1__a.sql", "CREATE TABLE t (c VARCHAR(20));");
        addFlyway(histories, "db/V2__common.sql", change);
        histories.replay();
        var types = histories.factsFor(mysql("db/V2__common.sql", change).get(0)).retypes().stream()
                .map(retype -> retype.from().map(SqlType::written).orElse("?")).sorted().toList();
        assertEquals(List.of("VARCHAR(100)", "VARCHAR(20)"), types);
    }

    /**
     * A script that runs in every line of its folder ({@code after.sql} beside two editions' steps) is judged in each:
     * its type change names the type of every line, so a narrowing in one line is not hidden by a widening in the
     * other, whichever line is replayed last.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "VARCHAR(100) | VARCHAR(20)",
        "VARCHAR(20)  | VARCHAR(100)",
    })
    void aScriptBesideLinesOfStepsIsJudgedInEveryLine(String communityType, String productType) {
        String change = "ALTER TABLE t MODIFY COLUMN c VARCHAR(50);";
        MigrationHistories histories = new MigrationHistories();
        addMysql(histories, "db/up/comm-1.0-to-1.1.sql", "CREATE TABLE t (c " + communityType + ");");
        addMysql(histories, "db/up/comm-1.1-to-1.2.sql", "ALTER TABLE t ADD d INT;");
        addMysql(histories, "db/up/prod-1.0-to-1.1.sql", "CREATE TABLE t (c " + productType + ");");
        addMysql(histories, "db/up/prod-1.1-to-1.2.sql", "ALTER TABLE t ADD e INT;");
        addMysql(histories, "db/up/after.sql", change);
        histories.replay();
        var types = histories.factsFor(mysql("db/up/after.sql", change).get(0)).retypes().stream()
                .map(retype -> retype.from().map(SqlType::written).orElse("?")).sorted().toList();
        assertEquals(List.of("VARCHAR(100)", "VARCHAR(20)"), types);
    }

    private static void addMysql(MigrationHistories histories, String path, String sql) {
        histories.add(path, SourceClassification.of(SourceKind.PLAIN_SQL), mysql(path, sql));
    }

    private static final String NARROWING = "ALTER TABLE t MODIFY COLUMN c TINYINT;";

    private static void addFlyway(MigrationHistories histories, String path, String sql) {
        var flyway = FlywayNaming.DEFAULT.parse(path.substring(path.lastIndexOf('/') + 1)).orElseThrow();
        histories.add(path, new SourceClassification(flyway.kind(), Optional.of(flyway)), mysql(path, sql));
    }

    private static List<io.github.sqlguard.sql.Statement> mysql(String path, String sql) {
        return new StatementSplitter(Dialect.MYSQL, Placeholders.DEFAULT).split(path, sql).statements();
    }

    /** A history whose replay fails part-way gives no facts, and says why, instead of ending the whole run. */
    @Test
    void aHistoryWhoseReplayFailsLeavesItsFilesUnreplayedWithTheReason() {
        MigrationHistories histories = new MigrationHistories();
        var statements = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT)
                .split("db/V1__create.sql", "CREATE TABLE t (c VARCHAR(10));").statements();
        for (String path : List.of("db/V1__create.sql", "db/V2__broken.sql")) {
            var flyway = FlywayNaming.DEFAULT.parse(path.substring(3)).orElseThrow();
            histories.add(path, new SourceClassification(flyway.kind(), Optional.of(flyway)), java.util.Set.of(),
                    path.contains("V1") ? () -> statements : () -> {
                        throw new IllegalStateException("a reader failed");
                    });
        }

        histories.replay();

        SchemaFacts facts = histories.factsFor(statements.get(0));
        assertTrue(facts.notReplayedBecause().contains("stopped at an error (IllegalStateException)"),
                facts.notReplayedBecause());
    }
}
