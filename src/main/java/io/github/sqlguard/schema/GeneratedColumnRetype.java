package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.schema.ColumnRetype.Generation;
import java.util.Locale;
import java.util.Optional;

/**
 * What a type change does to a generated column. The column holds nothing of its own: its values are computed from
 * the row's other columns, which the change leaves alone, so no value is lost. The database either computes every
 * value again in the new type, failing on one that does not fit, or refuses to change such a column at all. A plain
 * column that a redefinition makes generated is the opposite: it loses every value it held.
 */
final class GeneratedColumnRetype {

    static final String RECOMPUTED = "a generated column: the database computes every value again from its"
            + " expression, so no stored value is lost, but the migration fails on a row whose computed value does"
            + " not fit";

    private static final String SQLSERVER_REFUSES = "a computed column, which SQL Server refuses to alter: the"
            + " migration stops here, losing no value; drop the column and add it again with the new type";

    private static final String ORACLE_REFUSES = "a virtual column, whose type Oracle refuses to change unless the"
            + " MODIFY restates its expression (ORA-54027): the migration stops here, losing no value";

    private static final String MADE_GENERATED = "a plain column made generated: every value it holds is replaced"
            + " by the one its expression computes";

    private static final String ORACLE_REFUSES_VIRTUAL = "a real column, which Oracle refuses to make virtual: the"
            + " migration stops here, losing no value";

    private GeneratedColumnRetype() {
    }

    /**
     * True when the column stays generated and the database computes its values again in the new type: PostgreSQL's
     * and H2's {@code SET DATA TYPE} keep the expression, MySQL's, H2's and Oracle's redefinitions restate it.
     */
    static boolean recomputed(ColumnRetype retype, Dialect dialect) {
        return retype.generation() == Generation.EXPRESSION_RESTATED
                || retype.generation() == Generation.EXPRESSION_KEPT && dialect != Dialect.ORACLE;
    }

    /**
     * Why the database refuses the change, or empty when it makes it. T-SQL's ALTER COLUMN cannot alter a computed
     * column in any way; Oracle changes a virtual column's type only together with its expression. Either way the
     * migration stops before any value changes, whether the new type is narrower or not.
     */
    static Optional<String> refusal(ColumnRetype retype, Dialect dialect) {
        if (dialect == Dialect.SQLSERVER && retype.generation().wasGenerated()) {
            return Optional.of(SQLSERVER_REFUSES);
        }
        if (dialect == Dialect.ORACLE && retype.generation() == Generation.EXPRESSION_KEPT && !restatesItsType(retype)) {
            return Optional.of(ORACLE_REFUSES);
        }
        if (dialect == Dialect.ORACLE && retype.generation() == Generation.EXPRESSION_ADDED) {
            return Optional.of(ORACLE_REFUSES_VIRTUAL);
        }
        return Optional.empty();
    }

    /**
     * Why every value of a plain column is lost when the statement gives it an expression (MySQL's {@code MODIFY c
     * .. GENERATED ALWAYS AS (..) STORED}), whatever its new type; empty for any other change.
     */
    static Optional<String> replacedValues(ColumnRetype retype, Dialect dialect) {
        return retype.generation() == Generation.EXPRESSION_ADDED && dialect != Dialect.ORACLE
                ? Optional.of(MADE_GENERATED) : Optional.empty();
    }

    /** {@code "from INT to BIGINT"}, or {@code "to BIGINT"} when the old type is unknown or restated as it was. */
    static String fromTo(ColumnRetype retype, String to) {
        return (retype.from().isPresent() && !restatesItsType(retype) ? "from " + retype.from().get().written() + " "
                : "") + "to " + to;
    }

    /** True when the new type is the old one as written: a MODIFY that changes only what else it states. */
    private static boolean restatesItsType(ColumnRetype retype) {
        return retype.from().isPresent() && retype.to().isPresent() && written(retype.from().get())
                .equals(written(retype.to().get()));
    }

    private static String written(SqlType type) {
        return type.written().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
