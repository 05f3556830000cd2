package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.source.FlywayNaming;
import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.source.SourceKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationOrderTest {

    private static Optional<MigrationOrder.Place> place(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        SourceClassification classification = FlywayNaming.DEFAULT.parse(name)
                .map(flyway -> new SourceClassification(flyway.kind(), Optional.of(flyway)))
                .orElse(SourceClassification.of(name.endsWith(".xml") ? SourceKind.LIQUIBASE_XML : SourceKind.PLAIN_SQL));
        return MigrationOrder.of(path, classification);
    }

    private static List<String> ordered(String... paths) {
        return List.of(paths).stream().map(p -> place(p).orElseThrow()).sorted(MigrationOrder.appliedFirst())
                .map(MigrationOrder.Place::sortName).map(n -> n.contains("\u0000") ? n.substring(n.indexOf('\u0000') + 1) : n)
                .toList();
    }

    @Test
    void flywayVersionsAsFlywayComparesThemThenRepeatablesByDescription() {
        assertEquals(List.of("db/V1__a.sql", "db/V1.2__b.sql", "db/V1.10__c.sql", "db/V2__d.sql", "db/R__a_views.sql",
                "db/R__b_grants.sql"),
                ordered("db/R__b_grants.sql", "db/V1.10__c.sql", "db/V2__d.sql", "db/R__a_views.sql", "db/V1__a.sql",
                        "db/V1.2__b.sql"));
    }

    @Test
    void plainFilesRunInPathOrder() {
        assertEquals(List.of("m/2020-01-02_x/up.sql", "m/2020-01-10_y/up.sql", "m/2021-01-01_z/up.sql"),
                ordered("m/2021-01-01_z/up.sql", "m/2020-01-02_x/up.sql", "m/2020-01-10_y/up.sql"));
    }

    @Test
    void numbersInPlainPathsCountByValue() {
        assertEquals(List.of("upgrade/1/of.sql", "upgrade/2/of.sql", "upgrade/9/of.sql", "upgrade/10/of.sql",
                "upgrade/19/of.sql", "upgrade/40/of.sql"),
                ordered("upgrade/19/of.sql", "upgrade/9/of.sql", "upgrade/40/of.sql", "upgrade/10/of.sql",
                        "upgrade/1/of.sql", "upgrade/2/of.sql"));
        assertEquals(List.of("sql/upgrade-2.3.0-to-3.0.0.sql", "sql/upgrade-3.2.0-to-4.0.0-alpha-1.sql",
                "sql/upgrade-4.0.0-alpha-2-to-4.0.0-beta-1.sql", "sql/upgrade-4.0.0-to-4.1.0.sql",
                "sql/upgrade-4.1.0-to-4.2.0.sql", "sql/upgrade-4.10.0-to-4.11.0.sql"),
                ordered("sql/upgrade-4.10.0-to-4.11.0.sql", "sql/upgrade-4.1.0-to-4.2.0.sql",
                        "sql/upgrade-4.0.0-to-4.1.0.sql", "sql/upgrade-2.3.0-to-3.0.0.sql",
                        "sql/upgrade-4.0.0-alpha-2-to-4.0.0-beta-1.sql", "sql/upgrade-3.2.0-to-4.0.0-alpha-1.sql"));
        assertEquals(List.of("u/x.upgradestep.52.to.53.sql", "u/x.upgradestep.510.to.511.sql",
                "u/x.upgradestep.5220.to.59900.sql", "u/x.upgradestep.59900.to.6000.sql",
                "u/x.upgradestep.6000.to.6100.sql"),
                ordered("u/x.upgradestep.6000.to.6100.sql", "u/x.upgradestep.59900.to.6000.sql",
                        "u/x.upgradestep.510.to.511.sql", "u/x.upgradestep.5220.to.59900.sql",
                        "u/x.upgradestep.52.to.53.sql"),
                "versions with their digits run together (5.2, 5.10, 5.22, 5.99, 6.0) weigh their leading digit most");
        assertEquals(List.of("p/007-a.sql", "p/7-a.sql", "p/8-a.sql"), ordered("p/8-a.sql", "p/7-a.sql", "p/007-a.sql"),
                "equal numbers fall back to the text, so two files never tie");
    }

    @Test
    void preReleaseScriptsRunBeforeTheRelease() {
        assertEquals(List.of("db/alter_14_2_x_to_15_pre_0.sql", "db/alter_15_pre_0_to_15_pre_3.sql",
                "db/alter_15_pre_7_to_15_pre_8.sql", "db/alter_15_0_x_to_15_0_2.sql", "db/alter_15_0_x_to_15_1_0.sql",
                "db/alter_15_x_to_16_0_0.sql"),
                ordered("db/alter_15_0_x_to_15_1_0.sql", "db/alter_15_x_to_16_0_0.sql", "db/alter_15_0_x_to_15_0_2.sql",
                        "db/alter_15_pre_7_to_15_pre_8.sql", "db/alter_14_2_x_to_15_pre_0.sql",
                        "db/alter_15_pre_0_to_15_pre_3.sql"));
        assertEquals(List.of("u/2.0.0-alpha1.sql", "u/2.0.0-beta-1.sql", "u/2.0.0-beta-2.sql", "u/2.0.0-rc.1.sql",
                "u/2.0.0.sql", "u/2.0.1.sql"),
                ordered("u/2.0.1.sql", "u/2.0.0-rc.1.sql", "u/2.0.0.sql", "u/2.0.0-beta-2.sql", "u/2.0.0-alpha1.sql",
                        "u/2.0.0-beta-1.sql"));
        assertEquals(List.of("db/1/x.sql", "db/2/x.sql", "db/pre/x.sql", "db/prefix_1/x.sql"),
                ordered("db/prefix_1/x.sql", "db/pre/x.sql", "db/2/x.sql", "db/1/x.sql"),
                "a word without a number after it, or a longer word, is no pre-release");
    }

    @Test
    void datedScriptsOfOneDayRunByTheRestOfTheirNameAsText() {
        assertEquals(List.of("db/2023-02-16_00_add_column.sql", "db/2023-02-16_fix_view.sql",
                "db/2023-02-17-00_procs.sql", "db/2023-02-17_00_table.sql", "db/20230218_00_a.sql", "db/20230218_b.sql"),
                ordered("db/20230218_b.sql", "db/2023-02-17_00_table.sql", "db/2023-02-16_fix_view.sql",
                        "db/20230218_00_a.sql", "db/2023-02-17-00_procs.sql", "db/2023-02-16_00_add_column.sql"),
                "a day has no point releases: the name after it decides, character by character");
    }

    @Test
    void aDaysSequenceNumberHasNoPointReleasesWhenATitleStartsWithADigit() {
        assertEquals(List.of("db/2023-11-14_00_2019PlanPremium.sql", "db/2023-11-14_00_UpdateSearch.sql",
                "db/2023-11-14_01_2020Plan.sql", "db/20231115_00_2021Plan.sql", "db/20231115_00_Views.sql"),
                ordered("db/20231115_00_Views.sql", "db/2023-11-14_00_UpdateSearch.sql", "db/20231115_00_2021Plan.sql",
                        "db/2023-11-14_01_2020Plan.sql", "db/2023-11-14_00_2019PlanPremium.sql"),
                "the number after a day counts that day's scripts: the title after it is compared as text");
        assertEquals(List.of("up/lms_23_mysql.sql", "up/lms_23_0-23_1_mysql.sql"),
                ordered("up/lms_23_0-23_1_mysql.sql", "up/lms_23_mysql.sql"),
                "a number after no date still runs before its point releases");
    }

    @Test
    void aDateWithAOneDigitDayOrMonthSortsAsText() {
        assertEquals(List.of("db/2025-09-30_00_a.sql", "db/2025-1-05_00_e.sql", "db/2025-10-07_00_b.sql",
                "db/2025-10-30_00_c.sql", "db/2025-10-3_00_d.sql", "db/2025-11-01_00_f.sql"),
                ordered("db/2025-10-3_00_d.sql", "db/2025-11-01_00_f.sql", "db/2025-10-30_00_c.sql",
                        "db/2025-1-05_00_e.sql", "db/2025-09-30_00_a.sql", "db/2025-10-07_00_b.sql"),
                "dated names compare as text: 2025-10-3 after 2025-10-30, 2025-1-05 before 2025-10-07");
        assertEquals(List.of("up/2025/9/a.sql", "up/2025/10/a.sql", "up/v2025-9.sql", "up/v2025-10.sql"),
                ordered("up/2025/10/a.sql", "up/v2025-10.sql", "up/2025/9/a.sql", "up/v2025-9.sql"),
                "folders per month and a number that follows no year's separator in a name still count by value");
    }

    /**
     * Folders named for a step hold its script per database: a step that spans several releases
     * ({@code 1.6_to_2.2/}) runs after the shorter steps to versions before its end ({@code 2.0.1_to_2.0.2/}), and
     * a release followed by {@code +} ({@code 1.4.1+_to_1.5.0/}, any 1.4.1 or later) is a release all the same.
     */
    @Test
    void upgradeStepFoldersRunByTheVersionTheyReach() {
        assertEquals(List.of("up/1.3_to_1.4/mysql5.sql", "up/1.4.0_to_1.4.1/mysql5.sql",
                "up/1.4.1+_to_1.5.0/mysql5.sql", "up/1.5.0+_to+1.6.0/mysql5.sql", "up/1.6_to_2.0.0/mysql5.sql",
                "up/2.0.1_to_2.0.2/mysql5.sql", "up/1.6_to_2.2/mysql5.sql", "up/2.1_to_2.2/mysql5.sql",
                "up/2.3_to_3.0/mysql5.sql", "up/10_to_11/mysql5.sql"),
                ordered("up/10_to_11/mysql5.sql", "up/2.1_to_2.2/mysql5.sql", "up/1.6_to_2.2/mysql5.sql",
                        "up/2.3_to_3.0/mysql5.sql", "up/2.0.1_to_2.0.2/mysql5.sql", "up/1.6_to_2.0.0/mysql5.sql",
                        "up/1.5.0+_to+1.6.0/mysql5.sql", "up/1.4.1+_to_1.5.0/mysql5.sql",
                        "up/1.4.0_to_1.4.1/mysql5.sql", "up/1.3_to_1.4/mysql5.sql"));
    }

    @Test
    void upgradeStepsRunByTheVersionTheyReachWhateverWordOrWildcardStartsTheirName() {
        assertEquals(List.of("m/dnssec-3.x_to_3.4.0_schema.mysql.sql", "m/nodnssec-3.x_to_3.4.0_schema.mysql.sql",
                "m/3.4.0_to_4.1.0_schema.mysql.sql", "m/4.1.0_to_4.2.0_schema.mysql.sql",
                "m/4.3.0_to_4.7.0_schema.mysql.sql", "m/enable-keys.mysql.sql", "m/schema.mysql.sql"),
                ordered("m/schema.mysql.sql", "m/4.3.0_to_4.7.0_schema.mysql.sql", "m/enable-keys.mysql.sql",
                        "m/3.4.0_to_4.1.0_schema.mysql.sql", "m/nodnssec-3.x_to_3.4.0_schema.mysql.sql",
                        "m/4.1.0_to_4.2.0_schema.mysql.sql", "m/dnssec-3.x_to_3.4.0_schema.mysql.sql"));
        assertEquals(List.of("s/legacy_1.x_to_2.0.sql", "s/2.0_to_2.1.sql", "s/2.1_to_2.10.sql", "s/2.10_to_3.0.sql"),
                ordered("s/2.10_to_3.0.sql", "s/2.0_to_2.1.sql", "s/legacy_1.x_to_2.0.sql", "s/2.1_to_2.10.sql"));
        assertEquals(List.of("u/app-7.9-to-7.10.sql", "u/app-7.10-to-7.11.sql"),
                ordered("u/app-7.10-to-7.11.sql", "u/app-7.9-to-7.10.sql"));
    }

    @Test
    void aReleaseRunsBeforeItsPointReleasesWhateverWordEndsItsName() {
        assertEquals(List.of("c/lms_2_6_0_conversion.sql", "c/lms_2_6_0-2_6_1_conversion.sql",
                "c/lms_23_conversion.sql", "c/lms_23_0-23_1_conversion.sql", "c/lms_23_1-23_2_conversion.sql"),
                ordered("c/lms_23_1-23_2_conversion.sql", "c/lms_23_0-23_1_conversion.sql",
                        "c/lms_2_6_0-2_6_1_conversion.sql", "c/lms_23_conversion.sql",
                        "c/lms_2_6_0_conversion.sql"));
        assertEquals(List.of("u/upgrade_1_2_fix.sql", "u/upgrade_1_2_1_fix.sql"),
                ordered("u/upgrade_1_2_1_fix.sql", "u/upgrade_1_2_fix.sql"));
    }

    @Test
    void scriptsNamedForAStepRunBeforeOrAfterTheirSibling() {
        assertEquals(List.of("upgrade/3.4.0/schema_update.sql", "upgrade/3.4.1/schema_update_before.sql",
                "upgrade/3.4.1/schema_update.sql", "upgrade/3.4.1/schema_update_after.sql",
                "upgrade/3.4.1/schema_update_ttl.sql", "upgrade/3.10.0/schema_update.sql"),
                ordered("upgrade/3.4.1/schema_update_after.sql", "upgrade/3.10.0/schema_update.sql",
                        "upgrade/3.4.1/schema_update_ttl.sql", "upgrade/3.4.1/schema_update.sql",
                        "upgrade/3.4.1/schema_update_before.sql", "upgrade/3.4.0/schema_update.sql"));
        assertEquals(List.of("sql/pre-upgrade.sql", "sql/upgrade.sql", "sql/post-upgrade.sql", "sql/x.sql"),
                ordered("sql/x.sql", "sql/post-upgrade.sql", "sql/upgrade.sql", "sql/pre-upgrade.sql"));
        assertEquals(List.of("db/x_before.sql", "db/x.sql", "db/x_a.sql"),
                ordered("db/x_a.sql", "db/x.sql", "db/x_before.sql"),
                "a file is placed by its name without the step word, so the order stays transitive");
    }

    @Test
    void scriptsNamedToRunBeforeOrAfterTheirFolderRunFirstOrLastInIt() {
        assertEquals(List.of("native/1.1.0/mysql/schemaChanges.sql",
                "native/1.1.0/mysql/postDataMigrationSQLScript.sql", "native/1.2.0/mysql/schemaChanges.sql",
                "native/1.2.0/mysql/postDataMigrationSQLScript.sql",
                "native/1.10.0/mysql/schemaChanges.sql"),
                ordered("native/1.10.0/mysql/schemaChanges.sql", "native/1.2.0/mysql/postDataMigrationSQLScript.sql",
                        "native/1.1.0/mysql/postDataMigrationSQLScript.sql", "native/1.2.0/mysql/schemaChanges.sql",
                        "native/1.1.0/mysql/schemaChanges.sql"),
                "a migrator runs a version's schemaChanges.sql before its postDataMigrationSQLScript.sql");
        assertEquals(List.of("db/Script.PreDeployment.sql", "db/Tables/a.sql", "db/b.sql",
                "db/Script.PostDeployment.sql", "dc/a.sql"),
                ordered("db/Script.PostDeployment.sql", "dc/a.sql", "db/b.sql", "db/Tables/a.sql",
                        "db/Script.PreDeployment.sql"));
        assertEquals(List.of("db/PostGIS.sql", "db/a.sql", "db/postal_codes.sql", "db/preset.sql"),
                ordered("db/preset.sql", "db/postal_codes.sql", "db/a.sql", "db/PostGIS.sql"),
                "names that only start with the letters of a step word keep their place");
    }

    @Test
    void prismaMigrationFoldersRunByNameAsTextAsPrismaSortsThem() {
        assertEquals(List.of("prisma/migrations/0_init/migration.sql", "prisma/migrations/1_tags/migration.sql",
                "prisma/migrations/10_views/migration.sql", "prisma/migrations/20240101120000_Later/migration.sql",
                "prisma/migrations/20240101120000_later_too/migration.sql", "prisma/migrations/9_rename/migration.sql"),
                ordered("prisma/migrations/9_rename/migration.sql", "prisma/migrations/10_views/migration.sql",
                        "prisma/migrations/20240101120000_later_too/migration.sql",
                        "prisma/migrations/1_tags/migration.sql", "prisma/migrations/0_init/migration.sql",
                        "prisma/migrations/20240101120000_Later/migration.sql"));
        assertEquals(List.of("db/9_a/up.sql", "db/10_b/up.sql", "upgrade/9/migration.sql", "upgrade/10/migration.sql"),
                ordered("upgrade/10/migration.sql", "upgrade/9/migration.sql", "db/10_b/up.sql", "db/9_a/up.sql"),
                "a folder named by a number alone, and other scripts in numbered folders, count by value");
    }

    @Test
    void dieselMigrationFoldersRunByTheirVersionWithoutDashes() {
        // diesel's version is the folder name before its first _, dashes left out: 2017-08-31-230457 is
        // 20170831230457, after 20170820180453, and 2024-03-13_x is 20240313, before 20240313100000
        assertEquals(List.of("migrations/20170102131034_first/up.sql", "migrations/20170820180453_readme/up.sql",
                "migrations/2017-08-31-230457_invitations/up.sql", "migrations/2024-03-13_170000_cascade/up.sql",
                "migrations/2024-03-13-100000_other/up.sql"),
                ordered("migrations/2024-03-13-100000_other/up.sql", "migrations/2017-08-31-230457_invitations/up.sql",
                        "migrations/20170820180453_readme/up.sql", "migrations/2024-03-13_170000_cascade/up.sql",
                        "migrations/20170102131034_first/up.sql"));
        assertEquals(List.of("db/2017-08-31_a.sql", "db/20170820_b.sql"),
                ordered("db/20170820_b.sql", "db/2017-08-31_a.sql"), "only diesel's up.sql folders lose the dashes");
    }

    @Test
    void aDdlScriptsAfterStepRunsAfterTheDmlScriptOfTheSameName() {
        assertEquals(List.of("up/3.2.0_schema/mysql/app_ddl.sql", "up/3.2.0_schema/mysql/app_dml.sql",
                "up/3.2.0_schema/mysql/app_ddl_post.sql", "up/3.10.0_schema/mysql/app_ddl.sql"),
                ordered("up/3.10.0_schema/mysql/app_ddl.sql", "up/3.2.0_schema/mysql/app_ddl_post.sql",
                        "up/3.2.0_schema/mysql/app_dml.sql", "up/3.2.0_schema/mysql/app_ddl.sql"),
                "the post-DDL step drops what the data step still reads, so it follows the DML script");
        assertEquals(List.of("db/pre_DDL.sql", "db/DDL.sql", "db/DML.sql", "db/DDL.after.sql", "db/x.sql"),
                ordered("db/x.sql", "db/DDL.after.sql", "db/DML.sql", "db/DDL.sql", "db/pre_DDL.sql"),
                "a step before the DDL script stays before it");
        assertEquals(List.of("db/addl.sql", "db/addl_post.sql", "db/adml.sql"),
                ordered("db/adml.sql", "db/addl_post.sql", "db/addl.sql"),
                "ddl inside a longer word is no DDL script");
    }

    @Test
    void aStepWordBetweenTheNameAndItsExtensionPlacesTheScriptBeforeOrAfterItsSibling() {
        assertEquals(List.of("sql/upgrade.pre.sql", "sql/upgrade.sql", "sql/upgrade.post.sql"),
                ordered("sql/upgrade.post.sql", "sql/upgrade.sql", "sql/upgrade.pre.sql"),
                "as text, post would sort before pre and both before the plain script");
        assertEquals(List.of("sql/a.sql", "sql/b.before.sql", "sql/b.sql", "sql/b.after.sql"),
                ordered("sql/b.after.sql", "sql/b.sql", "sql/a.sql", "sql/b.before.sql"));
    }

    @Test
    void changelogsNamedForAStepAroundTheSameChangelogAreOneHistoryInStepOrder() {
        String main = "liquibase/changelog-job-master.xml";
        assertEquals(place(main).orElseThrow().history(),
                place("liquibase/changelog-job-master.pre.xml").orElseThrow().history(),
                "a project runs every *-master.pre.xml, then every *-master.xml, then every *-master.post.xml");
        assertEquals(place(main).orElseThrow().history(),
                place("liquibase/changelog-job-master.post.xml").orElseThrow().history());
        assertEquals(List.of("liquibase/changelog-job-master.pre.xml", main, "liquibase/changelog-job-master.post.xml"),
                ordered("liquibase/changelog-job-master.post.xml", main, "liquibase/changelog-job-master.pre.xml"));
        assertNotEquals(place(main).orElseThrow().history(),
                place("liquibase/changelog-user-master.xml").orElseThrow().history(),
                "other changelogs stay histories of their own");
    }

    @Test
    void setsForDifferentDatabasesAreSeparateHistories() {
        assertEquals("postgresql", place("sql/postgres/V1__init.sql").orElseThrow().history());
        assertEquals("postgresql", place("sql/org.postgresql.Driver/v001__init.sql").orElseThrow().history(),
                "one history under one spelling, whichever the folder uses");
        assertEquals("h2", place("sql/h2/V1__init.sql").orElseThrow().history());
        assertEquals("mysql", place("sql/20200101_init.mysql.up.sql").orElseThrow().history());
        assertEquals("mssql", place("upgrade/mssql_engine_7.0_to_7.1.sql").orElseThrow().history());
        assertEquals("", place("upgrade/engine_7.0_to_7.1.sql").orElseThrow().history());
        assertEquals("dm", place("script/server/db/dm.sql").orElseThrow().history(), "Dameng");
        assertEquals("kingbase", place("script/server/db/kingbase.sql").orElseThrow().history());
        assertEquals("", place("sql/V1__create_postgres_tables.sql").orElseThrow().history(),
                "a word inside a description names no database");
        assertTrue(place("db/changelog.xml").orElseThrow().history().startsWith("changelog "));
    }

    @Test
    void setsForReleasesOfADatabaseAreSeparateHistoriesToo() {
        assertEquals("mysql5", place("upgrade-scripts/mysql5/V6.1__x.sql").orElseThrow().history());
        assertEquals("sqlserver2008", place("upgrade-scripts/sqlserver2008/V6.1__x.sql").orElseThrow().history());
        assertEquals("mssql", place("upgrade-scripts/sqlserver/V6.1__x.sql").orElseThrow().history());
    }

    @Test
    void aDatabaseNamedByTheFileNamesFirstWordLeavesTheRestOfTheNameForEveryOtherDatabase() {
        assertEquals(new MigrationOrder.DatabaseFile("db/upgrade/", "db/upgrade/engine_7.0_to_7.1.sql"),
                MigrationOrder.databaseFile("db/upgrade/mysql_engine_7.0_to_7.1.sql").orElseThrow());
        assertEquals(new MigrationOrder.DatabaseFile("db/", ""),
                MigrationOrder.databaseFile("db/mysql/mssql_engine_7.0_to_7.1.sql").orElseThrow(),
                "the outermost name decides, as for the history");
        assertTrue(MigrationOrder.databaseFile("db/upgrade/V2__mysql_fix.sql").isEmpty());
    }

    @Test
    void aDatabaseNamedAtAnEndOfAHyphenatedFileNameStartsItsHistoryAndLeavesEveryOtherFileShared() {
        assertEquals("mysql", place("db/upgrade/1.3.0-upgrade-1.4.0-mysql.sql").orElseThrow().history());
        assertEquals("mysql", place("conf/mysql-schema.sql").orElseThrow().history());
        assertEquals("", place("db/upgrade/add-oracle-index.sql").orElseThrow().history());
        assertEquals(new MigrationOrder.DatabaseFile("db/upgrade/", ""),
                MigrationOrder.databaseFile("db/upgrade/1.3.0-upgrade-1.4.0-mysql.sql").orElseThrow());
        assertTrue(MigrationOrder.databaseFile("db/upgrade/V2__fix-mysql.sql").isEmpty());
    }

    @Test
    void downUndoAndRollbackScriptsAreNotReplayed() {
        assertTrue(place("m/2020_x/down.sql").isEmpty());
        assertTrue(place("sql/20200101_init.mysql.down.sql").isEmpty());
        assertTrue(place("db/U2__undo.sql").isEmpty());
        assertTrue(place("db/V3__drop_down_votes.sql").isPresent());
    }
}
