package io.github.sqlguard.report;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small run with the awkward cases every writer must survive. */
final class SampleRun {

    static final String V2 = "src/main/resources/db/migration/V2__close_acme.sql";
    /** A path with spaces and non-ASCII letters. */
    static final String ODD_PATH = "db/mïgrations 2/V3__prix €.sql";
    static final String NASTY_MESSAGE = "UPDATE \"prix\" <&> 'x'\nsecond line\u0001 50% done: a, b";
    static final String DELETE_HINT =
            "add a WHERE clause, or acknowledge with `-- sqlguard:allow delete-without-where reason: ...`";

    static final Finding DELETE = Finding.of("delete-without-where", Severity.ERROR, new Location(V2, 3, 1),
            "DELETE without WHERE removes every row of customers", DELETE_HINT, "DELETE FROM customers;");
    static final Finding UPDATE = Finding.of("update-without-where", Severity.ERROR, new Location(ODD_PATH, 5, 5),
            NASTY_MESSAGE, "add a WHERE clause", "UPDATE prix SET p = 0;");
    static final Finding UNPARSED = Finding.of("unparsed-statement", Severity.WARNING, new Location(V2, 7, 1),
            "JSqlParser could not parse this statement: Encountered \"PURGE\"", "", "DROP TABLE t PURGE;");
    static final Finding ACKNOWLEDGED_INLINE = Finding.of("delete-without-where", Severity.ERROR,
            new Location(V2, 12, 1), "DELETE without WHERE removes every row of cache", DELETE_HINT,
            "DELETE FROM cache;").acknowledged(new Acknowledgement(Acknowledgement.Source.INLINE_COMMENT,
                    "cache table, rebuilt nightly", V2 + ":11"));
    static final Finding ACKNOWLEDGED_BY_BASELINE = Finding.of("drop-table", Severity.ERROR,
            new Location("db/V1__init.sql", 40, 3), "DROP TABLE removes the table legacy and its data",
            "", "DROP TABLE legacy;").acknowledged(new Acknowledgement(Acknowledgement.Source.BASELINE,
                    "applied before sqlguard was adopted", "sqlguard-baseline.json"));

    static final List<RuleDescription> RULES = List.of(
            new RuleDescription("delete-without-where", Severity.ERROR, "DELETE without WHERE",
                    "A DELETE without WHERE removes every row of the table.", DELETE_HINT),
            new RuleDescription("update-without-where", Severity.ERROR, "UPDATE without WHERE",
                    "An UPDATE without WHERE changes every row.", "add a WHERE clause"),
            new RuleDescription("drop-table", Severity.ERROR, "DROP TABLE",
                    "Dropping a table destroys its data.", "acknowledge it with a reason"));

    static final Map<Location, String> SOURCE_LINES = Map.of(
            DELETE.location(), "DELETE FROM customers;",
            UPDATE.location(), "\t\t  UPDATE prix SET p = 0;",
            UNPARSED.location(), "DROP TABLE t PURGE;\r\n");

    private SampleRun() {
    }

    static List<Finding> findings() {
        return List.of(ACKNOWLEDGED_INLINE, UPDATE, DELETE, UNPARSED, ACKNOWLEDGED_BY_BASELINE);
    }

    static List<String> scannedFiles() {
        List<String> files = new ArrayList<>(List.of(V2, ODD_PATH, "db/V1__init.sql"));
        for (int i = 4; i <= 14; i++) {
            files.add("db/V" + i + "__clean.sql");
        }
        return files;
    }

    static ReportData data(Severity failOn) {
        return data(findings(), failOn);
    }

    static ReportData data(List<Finding> findings, Severity failOn) {
        return new ReportData(findings, RULES, scannedFiles(), 230, Duration.ofMillis(410), "0.1.0-SNAPSHOT",
                failOn, location -> Optional.ofNullable(SOURCE_LINES.get(location)),
                List.of("1 stale baseline entry: db/V0__gone.sql drop-table"));
    }
}
