package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MariaDB and MySQL statements that remove or overwrite rows without a DELETE of current rows: ALTER IGNORE TABLE .. ADD UNIQUE deletes
 * duplicates, DROP SYSTEM VERSIONING and DELETE HISTORY delete a versioned table's history. Each finding is
 * located at the word that destroys (IGNORE, the DROP of DROP SYSTEM VERSIONING, the DELETE). REPLACE deletes
 * the rows a new row collides with; CONVERT TO CHARACTER SET latin1 overwrites the characters latin1 lacks.
 */
class MariaDbRowRemovalTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "mariadb | ALTER IGNORE TABLE users ADD UNIQUE INDEX ux_users_email (email) | 1:7 alter-ignore-unique ALTER IGNORE TABLE users deletes every row that repeats unique key ux_users_email instead of failing on it",
        "mariadb | ALTER IGNORE TABLE `products` ADD UNIQUE KEY `uk_sku` (`sku`), ADD INDEX idx_name (name) | 1:7 alter-ignore-unique ALTER IGNORE TABLE `products` deletes every row that repeats unique key `uk_sku` instead of failing on it",
        "mariadb | ALTER IGNORE TABLE users ADD UNIQUE (email), ADD CONSTRAINT pk_users PRIMARY KEY (id) | 1:7 alter-ignore-unique ALTER IGNORE TABLE users deletes every row that repeats an unnamed unique key or unique key pk_users instead of failing on it",
        "mysql   | ALTER ONLINE IGNORE TABLE orders ADD PRIMARY KEY (id) | 1:14 alter-ignore-unique ALTER IGNORE TABLE orders deletes every row that repeats the primary key instead of failing on it",
        "mariadb | ALTER IGNORE TABLE users ADD CONSTRAINT uq_login UNIQUE (login) | 1:7 alter-ignore-unique ALTER IGNORE TABLE users deletes every row that repeats unique key uq_login instead of failing on it",
        "mariadb | ALTER TABLE users ADD UNIQUE INDEX ux_users_email (email) | -",
        "mariadb | ALTER IGNORE TABLE users ADD INDEX ix_email (email), MODIFY name VARCHAR(80) | 1:54 alter-column-type ALTER TABLE users changes the type of column name",
        "mariadb | ALTER TABLE audit_trail DROP SYSTEM VERSIONING | 1:25 delete-history ALTER TABLE audit_trail DROP SYSTEM VERSIONING removes every historical version of the rows of audit_trail",
        "mariadb | ALTER TABLE `audit_trail` ADD COLUMN note TEXT,\\n  DROP SYSTEM VERSIONING | 2:3 delete-history ALTER TABLE `audit_trail` DROP SYSTEM VERSIONING removes every historical version of the rows of `audit_trail`",
        "mariadb | ALTER TABLE audit_trail ADD SYSTEM VERSIONING | -",
        "mariadb | ALTER TABLE audit_trail DROP PERIOD FOR SYSTEM_TIME | -",
        "mariadb | DELETE HISTORY FROM audit_trail | 1:1 delete-history DELETE HISTORY removes every historical version of the rows of audit_trail",
        "auto    | DELETE HISTORY FROM audit_trail | 1:1 delete-history DELETE HISTORY removes every historical version of the rows of audit_trail",
        "mariadb | DELETE HISTORY FROM audit_trail BEFORE SYSTEM_TIME '2023-01-01 00:00:00' | -",
        "mariadb | DELETE HISTORY FROM audit_trail PARTITION (p_hist) BEFORE SYSTEM_TIME NOW() - INTERVAL 1 YEAR | -",
        "mariadb | DELETE HISTORY FROM audit_trail BEFORE SYSTEM_TIME NOW() | 1:1 delete-history DELETE HISTORY .. BEFORE SYSTEM_TIME NOW() removes every historical version of the rows of audit_trail",
        "mariadb | DELETE HISTORY FROM `audit_trail` BEFORE SYSTEM_TIME TIMESTAMP CURRENT_TIMESTAMP(6) | 1:1 delete-history DELETE HISTORY .. BEFORE SYSTEM_TIME TIMESTAMP CURRENT_TIMESTAMP(6) removes every historical version of the rows of `audit_trail`",
        "mariadb | DELETE HISTORY FROM audit_trail BEFORE SYSTEM_TIME CURRENT_TIMESTAMP - INTERVAL 30 DAY | -",
        "mysql   | DELETE history FROM history JOIN users u ON u.id = history.user_id | -",
        "mariadb | REPLACE INTO `app_config` (`name`, `value`) VALUES ('max_upload', '10') | 1:1 replace-into REPLACE INTO `app_config` deletes each existing row that has the key of a new row before inserting it: its other columns and its ON DELETE CASCADE children are lost",
        "mysql   | REPLACE LOW_PRIORITY user_stats (user_id, logins)\\nSELECT user_id, COUNT(*) FROM login_events GROUP BY user_id | 1:1 replace-into REPLACE INTO user_stats deletes each existing row that has the key of a new row before inserting it: its other columns and its ON DELETE CASCADE children are lost",
        "mariadb | REPLACE `flags` SET id = 3, enabled = 1 | 1:1 replace-into REPLACE INTO `flags` deletes each existing row that has the key of a new row before inserting it: its other columns and its ON DELETE CASCADE children are lost",
        "sqlite  | INSERT OR REPLACE INTO t1 (a, b) VALUES (1, 2) | 1:11 replace-into INSERT OR REPLACE INTO t1 deletes each existing row that has the key of a new row before inserting it: its other columns and its ON DELETE CASCADE children are lost",
        "mysql   | LOAD DATA LOCAL INFILE 'seed/replace into.tsv'\\n  REPLACE INTO TABLE `currencies` FIELDS TERMINATED BY ',' | 2:3 replace-into LOAD DATA .. REPLACE INTO TABLE `currencies` deletes each existing row that has the key of a new row before inserting it: its other columns and its ON DELETE CASCADE children are lost",
        "mariadb | LOAD XML INFILE 'people.xml' REPLACE INTO TABLE person ROWS IDENTIFIED BY '<person>' | 1:30 replace-into LOAD XML .. REPLACE INTO TABLE person deletes each existing row that has the key of a new row before inserting it: its other columns and its ON DELETE CASCADE children are lost",
        "mysql   | LOAD DATA INFILE '/tmp/x.csv' IGNORE INTO TABLE imports FIELDS TERMINATED BY ',' | -",
        "mysql   | ALTER TABLE comments CONVERT TO CHARACTER SET latin1 | 1:22 alter-column-type ALTER TABLE comments converts every text column to character set latin1, which cannot hold every character: those it lacks become '?', or the statement fails on the first in strict mode",
        "mariadb | ALTER TABLE `comments` ENGINE=InnoDB,\\n  CONVERT TO CHARSET utf8 COLLATE utf8_general_ci | 2:3 alter-column-type ALTER TABLE `comments` converts every text column to character set utf8, which cannot hold every character: those it lacks become '?', or the statement fails on the first in strict mode",
        "mysql   | ALTER TABLE comments CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci | -",
        "mariadb | ALTER TABLE comments CONVERT TO CHARACTER SET `utf8mb4` | -",
        "mysql   | ALTER TABLE comments DEFAULT CHARACTER SET latin1 | -",
        "mysql   | ALTER TABLE big_table DISCARD TABLESPACE | 1:23 truncate-table ALTER TABLE big_table DISCARD TABLESPACE removes every row of table big_table, as TRUNCATE would",
        "mysql   | ALTER TABLE sales DISCARD PARTITION p2018, p2019 TABLESPACE | 1:19 truncate-table ALTER TABLE sales DISCARD PARTITION .. TABLESPACE removes every row of partitions p2018, p2019 of table sales, as TRUNCATE would",
        "mysql   | ALTER TABLE sales DISCARD PARTITION p2018 TABLESPACE | 1:19 truncate-table ALTER TABLE sales DISCARD PARTITION .. TABLESPACE removes every row of partition p2018 of table sales, as TRUNCATE would",
        "mysql   | ALTER TABLE sales DISCARD PARTITION ALL TABLESPACE | 1:19 truncate-table ALTER TABLE sales DISCARD PARTITION .. TABLESPACE removes every row of every partition of table sales, as TRUNCATE would",
        "mariadb | ALTER TABLE `page_views` ROW_FORMAT=DYNAMIC ENGINE = `BLACKHOLE` | 1:45 truncate-table ALTER TABLE `page_views` ENGINE = BLACKHOLE removes every row of table `page_views`, as TRUNCATE would",
        "mysql   | ALTER TABLE big_table IMPORT TABLESPACE | -",
        "mysql   | ALTER TABLE page_views ENGINE=InnoDB | -",
        "mysql   | CREATE TABLE sink (id INT) ENGINE=BLACKHOLE;\\nALTER TABLE sink DISCARD TABLESPACE | -",
        "mysql   | ALTER TABLE logs TRUNCATE PARTITION ALL | 1:37 truncate-table ALTER TABLE logs TRUNCATE PARTITION ALL removes every row of every partition of table logs",
        "mysql   | INSERT IGNORE INTO roles (id, name) VALUES (1, 'admin'), (2, 'user') | -",
        "mariadb | INSERT INTO settings (id, val) VALUES (1, 'a') ON DUPLICATE KEY UPDATE val = VALUES(val) | -",
        "mysql   | INSERT INTO notes (txt) VALUES ('REPLACE INTO users VALUES (1)') | -",
        "mariadb | CREATE TABLE tmp_flags (id INT PRIMARY KEY);\\nREPLACE INTO tmp_flags VALUES (1) | -",
    })
    void reportsRowsRemovedWithoutDelete(String dialect, String sql, String expected) {
        List<Rule> rules = new ArrayList<>(DataLossRules.all());
        rules.add(new DeleteWithoutWhereRule());
        rules.add(new UnparsedStatementRule());
        List<String> hits = RulePipeline.run(Dialect.fromConfig(dialect), sql.replace("\\n", "\n"), rules).stream()
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule() + " " + hit.message()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), hits, sql);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "DELETE HISTORY FROM audit_trail",
        "DELETE HISTORY FROM audit_trail BEFORE SYSTEM_TIME '2023-01-01 00:00:00'",
    })
    void historyIsNoDeleteOfCurrentRows(String sql) {
        assertEquals(List.of(), RuleHarness.messages(new DeleteWithoutWhereRule(), Dialect.MARIADB, sql));
        assertEquals(List.of(), RuleHarness.messages(new UnparsedStatementRule(), Dialect.MARIADB, sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "DELETE history FROM history",
    })
    void mysqlTableCalledHistoryIsStillATable(String sql) {
        assertEquals(List.of("DELETE without WHERE removes every row of history"),
                RuleHarness.messages(new DeleteWithoutWhereRule(), Dialect.MYSQL, sql));
    }
}
