package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.SchemaFacts;
import io.github.sqlguard.schema.SchemaView;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code not-null-fills-nulls}: MySQL's and MariaDB's {@code MODIFY c type NOT NULL} or {@code CHANGE c c type NOT
 * NULL} of a column the schema replay knows is nullable. Outside strict mode every NULL it holds silently becomes the
 * type's implicit default; in strict mode the migration fails. Reported only where the replay knows the column was
 * nullable and no statement it followed since filled every row ({@code UPDATE t SET c = 'x'} without WHERE or with
 * {@code WHERE c IS NULL}). Located at the NOT of NOT NULL.
 */
public final class NotNullFillsNullsRule extends ClauseRule {

    public static final String ID = "not-null-fills-nulls";

    /** Liquibase's names of the databases whose MODIFY .. NOT NULL replaces NULLs outside strict mode. */
    private static final Set<String> REPLACING_DATABASES = Set.of("mysql", "mariadb");

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "MODIFY .. NOT NULL replaces the NULLs of a nullable column in MySQL",
            "MySQL and MariaDB redefine the whole column. Outside strict SQL mode every NULL it holds becomes the"
                    + " implicit default of its type ('' for text, 0 for numbers, the zero date), not the DEFAULT the"
                    + " statement names, so the rows that had no value now look as if they had one; in strict mode"
                    + " the migration fails on the first NULL.",
            "Give the rows a value first: UPDATE t SET c = <value> WHERE c IS NULL, then declare it NOT NULL, or"
                    + " acknowledge it: -- sqlguard:allow not-null-fills-nulls reason: <why>",
            List.of("ALTER TABLE users ADD COLUMN nick VARCHAR(20);\nALTER TABLE users MODIFY nick VARCHAR(20) NOT NULL;",
                    "ALTER TABLE users ADD COLUMN nick VARCHAR(20) NULL;\n"
                            + "ALTER TABLE users CHANGE nick nick VARCHAR(20) NOT NULL DEFAULT '';"),
            List.of("ALTER TABLE users ADD COLUMN nick VARCHAR(20);\nUPDATE users SET nick = 'anonymous' WHERE nick IS NULL;\n"
                    + "ALTER TABLE users MODIFY nick VARCHAR(20) NOT NULL;",
                    "ALTER TABLE users ADD COLUMN nick VARCHAR(20) NOT NULL DEFAULT '';\n"
                            + "ALTER TABLE users MODIFY nick VARCHAR(20) NOT NULL DEFAULT 'anonymous';"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.NOT_NULL_DECLARED);
    }

    /**
     * Silent unless the replay knows the column held NULLs it may still hold: nullable, computed by no one, unfilled.
     * Where the migrations replay MySQL or MariaDB apart from other databases, only those histories count: a
     * changeset that fills the column on MySQL alone ({@code dbms="mysql"}) leaves NULLs only where NOT NULL
     * refuses them instead of replacing them. A column that one of several histories leaves nullable may hold NULLs.
     */
    @Override
    boolean losesNothing(DestructiveClause clause, SchemaFacts schema) {
        if (clause.table() == null) {
            return true;
        }
        List<SchemaView> replacing = schema.before().on(REPLACING_DATABASES);
        if (replacing.isEmpty()) {
            // The histories for any database, one per root changelog that includes the statement's changelog
            replacing = schema.before().on(Set.of(""));
        }
        return (replacing.isEmpty() ? List.of(schema.before()) : replacing).stream()
                .allMatch(view -> view.column(clause.table(), clause.name())
                        .filter(column -> !column.notNull() && !column.computed() && !column.filled()).isEmpty());
    }

    @Override
    String message(List<DestructiveClause> group) {
        return message(group, "");
    }

    /**
     * Under {@code auto} the message names the databases where NULLs are replaced: a Liquibase addNotNullConstraint
     * reaches here as the MODIFY it runs on MySQL, whatever database the project turns out to use.
     */
    @Override
    Optional<String> message(List<DestructiveClause> group, StatementModel statement, SchemaFacts schema) {
        return Optional.of(message(group, statement.statement().dialect() == Dialect.AUTO
                ? " on MySQL and MariaDB" : ""));
    }

    private static String message(List<DestructiveClause> group, String where) {
        DestructiveClause first = group.get(0);
        return "NOT NULL on nullable column " + first.name() + " of " + first.table() + ": every NULL it holds becomes"
                + " the type's implicit default ('' or 0, not the DEFAULT clause)" + where + " outside strict mode,"
                + " and fails the statement in strict mode";
    }
}
