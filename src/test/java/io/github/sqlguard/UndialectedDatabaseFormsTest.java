package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Statements of databases sqlguard has no dialect for (Db2, Redshift, Snowflake, Firebird, ClickHouse, ..),
 * read in auto as their teams write them: each destructive form is found at its clause, and the safe forms
 * that look alike stay quiet.
 */
class UndialectedDatabaseFormsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "~ALTER TABLE app.orders\\n  ACTIVATE NOT LOGGED INITIALLY WITH EMPTY TABLE;~ | "
                + "2:33 truncate-table ALTER TABLE app.orders ACTIVATE NOT LOGGED INITIALLY WITH EMPTY TABLE removes every row of app.orders, as TRUNCATE would",
        "~// Only when the copy succeeded, drop its source.\\nDROP TABLE ofPrivate;~ | "
                + "2:1 drop-table DROP TABLE removes table ofPrivate and all its rows",
        "~// update conference name if a custom one is set\\nUPDATE mucService SET subdomain = 'x' WHERE serviceID = 1;~ | ",
        "~ALTER TABLE app.orders ACTIVATE NOT LOGGED INITIALLY;~ | ",
        "~ALTER TABLE sales APPEND FROM sales_staging;~ | "
                + "1:19 truncate-table ALTER TABLE sales APPEND FROM sales_staging moves every row of sales_staging into sales and leaves sales_staging empty",
        "~ALTER TABLE sales APPEND FROM sales_staging FILLTARGET;~ | "
                + "1:19 truncate-table ALTER TABLE sales APPEND FROM sales_staging moves every row of sales_staging into sales and leaves sales_staging empty",
        "~TRUNCATE TABLE app.sessions REUSE STORAGE IGNORE DELETE TRIGGERS IMMEDIATE;~ | "
                + "1:1 truncate-table TRUNCATE removes every row of table app.sessions",
        "~ALTER TABLE sales ALTER DISTSTYLE KEY DISTKEY id;\\nALTER TABLE sales ALTER DISTKEY id;\\n"
                + "ALTER TABLE sales ALTER COMPOUND SORTKEY (id, region);\\nALTER TABLE sales ALTER SORTKEY AUTO;\\n"
                + "ALTER TABLE sales ALTER ENCODE AUTO;\\nALTER TABLE sales ALTER DISTSTYLE EVEN;~ | ",
        "~ALTER TABLE sales ALTER COLUMN region TYPE VARCHAR(10);~ | 1:19 alter-column-type ALTER TABLE sales changes"
                + " the type of column region to VARCHAR(10) (its type before is not known: the schema replay did not see this statement)",
        "~VACUUM DELETE ONLY sales;\nVACUUM SORT ONLY sales;~ | ",
        "~INSERT OVERWRITE INTO analytics.daily_totals\\nSELECT day, SUM(amount) FROM analytics.orders GROUP BY day;~ | "
                + "1:8 truncate-table INSERT OVERWRITE removes every row of table analytics.daily_totals before it inserts the new ones, as TRUNCATE would",
        "~LOAD DATA INPATH '/data/sales/2024' OVERWRITE INTO TABLE sales;~ | "
                + "1:37 truncate-table LOAD DATA .. OVERWRITE removes every row of table sales before it inserts the new ones, as TRUNCATE would",
        "~LOAD DATA LOCAL INPATH 'logs.csv' OVERWRITE INTO TABLE logs PARTITION (dt = '2024-01-01');~ | "
                + "1:35 truncate-table LOAD DATA .. OVERWRITE removes every row of the partition it names of table logs before it inserts the new ones, as TRUNCATE would",
        "~LOAD DATA INPATH '/data/sales/2024' INTO TABLE sales;~ | ",
        "~INSERT OVERWRITE TABLE sales PARTITION (dt = '2024-01-01') SELECT * FROM staging;~ | "
                + "1:8 truncate-table INSERT OVERWRITE removes every row of the partition it names of table sales before it inserts the new ones, as TRUNCATE would",
        "~INSERT OVERWRITE ALL\\n  INTO t1 VALUES (a)\\n  INTO t2 VALUES (b)\\nSELECT a, b FROM src;~ | "
                + "1:8 truncate-table INSERT OVERWRITE removes every row of tables t1, t2 before it inserts the new ones, as TRUNCATE would",
        "~CREATE TABLE stage (id INT);\\nINSERT OVERWRITE INTO stage SELECT id FROM src;~ | ",
        "~INSERT OVERWRITE LOCAL DIRECTORY '/tmp/out' SELECT * FROM sales;~ | ",
        "~ALTER TABLE analytics.events ON CLUSTER main DROP COLUMN legacy;~ | "
                + "1:46 drop-column ALTER TABLE analytics.events drops column legacy",
        "~ALTER TABLE events ON CLUSTER '{cluster}' DROP PARTITION '2020-01';~ | "
                + "1:58 drop-partition ALTER TABLE events drops partition '2020-01' and every row in it",
        "~ALTER TABLE events DROP PARTITION ID '202001';~ | "
                + "1:35 drop-partition ALTER TABLE events drops partition ID '202001' and every row in it",
        "~ALTER TABLE events DROP PARTITION 202001;~ | "
                + "1:35 drop-partition ALTER TABLE events drops partition 202001 and every row in it",
        "~TRUNCATE SCHEMA app RESTART IDENTITY AND COMMIT NO CHECK;~ | "
                + "1:1 truncate-table TRUNCATE SCHEMA removes every row of every table in schema app",
        "~ALTER TABLE events MODIFY ORDER BY (id, ts);\\nALTER TABLE events MODIFY SETTING ttl_only_drop_parts = 1;~ | ",
        "~ALTER TABLE events MODIFY COLUMN note LowCardinality(String);~ | "
                + "1:20 alter-column-type ALTER TABLE events changes the type of column note to LowCardinality(String)"
                + " (its type before is not known: the schema replay did not see this statement)",
        "~RENAME COLUMN orders.note TO remark;~ | 1:1 rename-column RENAME COLUMN renames column orders.note to remark",
        "~RENAME INDEX idx_a TO idx_b;~ | ",
        "~ALTER TABLE events REPLACE PARTITION 202001 FROM events_tmp;~ | "
                + "1:38 drop-partition ALTER TABLE events drops partition 202001 and every row in it",
        "~ALTER TABLE events CLEAR COLUMN note IN PARTITION '2020-01';~ | "
                + "1:20 drop-column ALTER TABLE events CLEAR COLUMN resets every value of column note in partition"
                + " '2020-01' to its default: its old values are lost as if it were dropped",
        "~ALTER TABLE events MOVE PARTITION 202001 TO DISK 'cold';~ | ",
        "~ALTER TABLE events MODIFY TTL created + INTERVAL 30 DAY;~ | "
                + "1:20 drop-partition ALTER TABLE events MODIFY TTL created + INTERVAL 30 DAY deletes every row of"
                + " events once its TTL has passed, the existing rows past it right away",
        "~ALTER TABLE events ON CLUSTER main\\n  MODIFY TTL created + INTERVAL 1 MONTH TO VOLUME 'cold',"
                + " created + INTERVAL 1 YEAR DELETE;~ | "
                + "2:3 drop-partition ALTER TABLE events MODIFY TTL created + INTERVAL 1 YEAR DELETE"
                + " deletes every row of events once its TTL has passed, the existing rows past it right away",
        "~ALTER TABLE events MODIFY TTL created + INTERVAL 1 MONTH TO DISK 'cold',"
                + " created + INTERVAL 1 YEAR RECOMPRESS CODEC(ZSTD(9)), ADD COLUMN x UInt8;~ | ",
        "~ALTER TABLE events MATERIALIZE TTL;~ | "
                + "1:20 drop-partition ALTER TABLE events MATERIALIZE TTL deletes every row of events that its TTL"
                + " has expired, now",
        "~ALTER TABLE events MODIFY COLUMN note TTL created + INTERVAL 1 DAY;~ | "
                + "1:39 drop-column ALTER TABLE events TTL created + INTERVAL 1 DAY resets every value of column note"
                + " to its default once the TTL has passed: its old values are lost as if it were dropped",
        "~ALTER TABLE events MODIFY COLUMN note REMOVE TTL;\\nALTER TABLE events REMOVE TTL;\\n"
                + "ALTER TABLE events MODIFY COLUMN note CODEC(ZSTD(3));~ | ",
        "~CREATE TABLE events (id UInt64, created DateTime) ENGINE = MergeTree ORDER BY id;\\n"
                + "ALTER TABLE events MODIFY TTL created + INTERVAL 30 DAY;~ | ",
        "~CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE(null, 'STAFF', 'staff.dat', null, null, null, 1);~ | "
                + "1:82 truncate-table CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE in replace mode removes every row of STAFF, as TRUNCATE would",
        "~CALL SYSCS_UTIL.SYSCS_IMPORT_DATA('APP', 'STAFF', null, null, 'staff.dat', null, null, null, 1);~ | "
                + "1:94 truncate-table CALL SYSCS_UTIL.SYSCS_IMPORT_DATA in replace mode removes every row of APP.STAFF, as TRUNCATE would",
        "~CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE(null, 'STAFF', 'staff.dat', null, null, null, 0);~ | ",
        "~CALL SYSPROC.ADMIN_CMD('IMPORT FROM /dev/null OF DEL REPLACE INTO APP.SESSIONS');~ | "
                + "1:24 truncate-table CALL SYSPROC.ADMIN_CMD with REPLACE INTO removes every row of APP.SESSIONS, as TRUNCATE would",
        "~CALL SYSPROC.ADMIN_CMD('LOAD FROM /tmp/o.del OF DEL INSERT INTO APP.ORDERS');\\n"
                + "CALL SYSPROC.ADMIN_CMD('REORG TABLE APP.ORDERS');~ | ",
        "~ALTER TABLE analytics.orders SWAP WITH analytics.orders_new;~ | "
                + "1:30 rename-table Renames tables analytics.orders to analytics.orders_new, analytics.orders_new to analytics.orders",
        "~EXCHANGE TABLES events AND events_new;~ | "
                + "1:1 rename-table Renames tables events to events_new, events_new to events",
        "~CREATE TABLE orders_new (id INT);\\nALTER TABLE orders SWAP WITH orders_new;\\nDROP TABLE orders_new;~ | "
                + "2:20 rename-table Renames table orders to orders_new (guarded: table orders_new takes the name orders in"
                + " the same statement) // 3:1 drop-table DROP TABLE removes table orders_new and all its rows",
        "~ALTER TABLE hits DELETE WHERE 1;~ | 1:18 always-true-where DELETE with an always-true WHERE removes every row of hits",
        "~ALTER TABLE hits ON CLUSTER main\\n  UPDATE url = lower(url), ts = now() WHERE 1 = 1;~ | "
                + "2:3 always-true-where UPDATE with an always-true WHERE changes every row of hits",
        "~ALTER TABLE `hits` UPDATE `url` = '' IN PARTITION 202001 WHERE true SETTINGS mutations_sync = 2;~ | "
                + "1:20 always-true-where UPDATE with an always-true WHERE changes every row of partition 202001 of `hits`",
        "~ALTER TABLE hits DELETE IN PARTITION ID '202001' WHERE 1, DROP COLUMN tmp;~ | "
                + "1:18 always-true-where DELETE with an always-true WHERE removes every row of partition ID '202001' of hits"
                + " // 1:59 drop-column ALTER TABLE hits drops column tmp",
        "~ALTER TABLE hits UPDATE url = '' WHERE id = 5, DELETE WHERE ts < '2020-01-01';\\n"
                + "ALTER TABLE hits ADD COLUMN note String;\\nALTER TABLE hits DELETE WHERE id IN (1, 2);~ | ",
        "~ALTER TABLE t DELETE WHERE id IN (SELECT id FROM t);~ | 1:15 always-true-where DELETE with an always-true WHERE"
                + " (its subquery reads every row of t and pairs each row with itself on id, so it holds for every row"
                + " where that is not NULL) removes every row of t",
        "~ALTER TABLE hits ON CLUSTER main UPDATE url = '' WHERE account_id IN (SELECT id FROM accounts)"
                + " SETTINGS mutations_sync = 2;~ | 1:34 unfiltered-subquery UPDATE on hits is limited only by a related"
                + " row in accounts, which the subquery reads without a filter: it changes every row of hits that has one",
        "~ALTER TABLE hits DELETE WHERE account_id IN (SELECT id FROM accounts WHERE closed), DROP COLUMN tmp;~ | "
                + "1:85 drop-column ALTER TABLE hits drops column tmp",
        "~DELETE * FROM retail.customers;~ | 1:1 delete-without-where DELETE without WHERE removes every row of retail.customers",
        "~DELETE FROM app.sessions FETCH FIRST 1000 ROWS ONLY;~ | 1:1 delete-without-where DELETE without WHERE (its TOP,"
                + " LIMIT or FETCH FIRST only caps how many rows it takes) removes arbitrary rows of app.sessions, and"
                + " every row when it runs in a loop until none is left",
        "~DELETE * FROM retail.customers WHERE id = 7;~ | ",
    })
    void findsEachFormAtItsClause(String sql, String expected) {
        List<Finding> findings = OneScript.findings(Dialect.AUTO, sql.replace("\\n", "\n"));
        List<String> described = findings.stream().map(finding -> finding.location().line() + ":"
                + finding.location().column() + " " + finding.ruleId() + " " + finding.message()).toList();
        assertEquals(expected == null ? List.of() : List.of(expected.split(" // ")), described);
    }
}
