package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.StatementContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How findings name a changeset: {@code changeset author:id}, and how often it runs when that is more than once.
 * A {@code runAlways} changeset repeats its DELETE on every update, and a {@code runOnChange} one whenever its
 * text changes, which a reader of the finding should not have to look up.
 */
final class ChangeSetLabel {

    private ChangeSetLabel() {
    }

    static String of(String author, String id, Map<String, String> attributes) {
        // A Solidbase changeSet file names neither: the file is its identity.
        String label = author.isBlank() && id.isBlank() ? "changeset without author and id"
                : id.isBlank() ? "changeset by " + author + " without an id"
                : "changeset " + author + ":" + id;
        if (isTrue(attributes.get("runAlways"))) {
            return label + ", " + StatementContext.RUN_ALWAYS;
        }
        if (isTrue(attributes.get("runOnChange"))) {
            return label + ", " + StatementContext.RUN_ON_CHANGE;
        }
        return label;
    }

    /**
     * How findings name the rollback code of the changeset {@link #of} labelled {@code label}: it runs once, when
     * the changeset is rolled back, however often the changeset itself runs.
     */
    static String rollback(String label) {
        for (String often : new String[] {StatementContext.RUN_ALWAYS, StatementContext.RUN_ON_CHANGE}) {
            if (label.endsWith(", " + often)) {
                return label.substring(0, label.length() - often.length() - 2) + " rollback";
            }
        }
        return label + " rollback";
    }

    /**
     * What a changeset's label (and its rollback's) adds when {@code limit} keeps it off the database sqlguard reads
     * the project for ({@code dbms:oracle} or {@code dbms:!postgresql} under postgresql). Its findings are still
     * reported, as the changelog runs on the databases it names, and the label says why: {@code changeset a:2,
     * dbms:oracle: runs only on oracle, not on postgresql, the configured database}. Nothing where that database is
     * not known or the changeset may run on it; one that runs on no database says so of its own.
     */
    static String databaseLimit(String limit, DatabaseScope databases, LiquibaseOptions options) {
        Set<String> names = new TreeSet<>(DbmsDialect.databasesOf(options.orProject(options.dialect())));
        if (names.isEmpty() || databases.runsNowhere() || names.stream().anyMatch(databases::includes)) {
            return "";
        }
        String which = String.join(" or ", names) + ", the " + (options.dialect() == Dialect.AUTO ? "project's"
                : "configured") + " database";
        return ", " + limit + ": " + (databases.included().isEmpty() ? "never runs on " + which
                : "runs only on " + String.join(" or ", new TreeSet<>(databases.included())) + ", not on " + which);
    }

    /**
     * How a changeset writes the databases it runs on, in its changelog's {@code syntax} ({@code "%s:%s"} for
     * formatted SQL, {@code "%s=\"%s\""} for XML, {@code "%s: %s"} for YAML and JSON): its {@code dbms}, else the
     * dbms precondition of the changeset or of its changelog, else a {@code context} or {@code labels} that names
     * databases, as {@link DbmsDialect} reads them in that order.
     */
    static String limitWritten(Map<String, String> attributes, String syntax, boolean byPrecondition,
            boolean byChangelog) {
        String dbms = attributes.get("dbms");
        if (dbms != null && !dbms.isBlank()) {
            return syntax.formatted("dbms", dbms.strip());
        }
        if (byPrecondition || byChangelog) {
            return byPrecondition ? "its dbms precondition" : "the dbms precondition of its changelog";
        }
        for (String key : List.of("context", "contextFilter", "labels")) {
            String value = attributes.get(key);
            if (value != null && !value.isBlank()) {
                return syntax.formatted(key, value.strip());
            }
        }
        return "its dbms";
    }

    private static boolean isTrue(String value) {
        return value != null && value.strip().equalsIgnoreCase("true");
    }
}
