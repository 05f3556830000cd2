package io.github.sqlguard.liquibase;

import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The statements a change runs with every value of a property alike. A change judged once per value of a property
 * defined per database ({@code <property name="t" value="varchar(100)" dbms="mysql"/>}, then one for the other
 * databases) runs each rendition only where its value applies ({@link PropertyAlternatives#narrowed}); a statement
 * the renditions share ({@code UPDATE t SET c = ..} beside the {@code ADD COLUMN c ${t}}) is judged once and so must
 * run wherever the change runs, or the schema of the other databases would never see it.
 */
final class SharedRenditionStatements {

    private final Function<String, ScriptCollector> collectors;
    private final Map<String, Statement> bySql = new HashMap<>();

    /** Starts with the statements of the change's first rendition; {@code collectors} gives a file's script. */
    SharedRenditionStatements(Function<String, ScriptCollector> collectors, List<Statement> first) {
        this.collectors = collectors;
        first.forEach(statement -> bySql.putIfAbsent(statement.sql(), statement));
    }

    /**
     * Records {@code statement} of a rendition; true when no earlier one read the same, else the earlier one now
     * runs on {@code databases} too, in its file's script and in each of {@code lists}.
     */
    @SafeVarargs
    final boolean add(Statement statement, DatabaseScope databases, List<Statement>... lists) {
        Statement earlier = bySql.putIfAbsent(statement.sql(), statement);
        if (earlier == null) {
            return true;
        }
        StatementContext context = earlier.context();
        if (!context.databases().equals(databases)) {
            Statement widened = new Statement(earlier.sql(), earlier.start(), earlier.tokens(),
                    new StatementContext(context.kind(), context.label(), databases, context.body()),
                    earlier.dialect(), earlier.container(), earlier.written(), earlier.runtimeSql(),
                    earlier.unvaluedPlaceholders());
            collectors.apply(earlier.start().path()).replace(earlier, List.of(widened));
            for (List<Statement> list : lists) {
                list.replaceAll(s -> s == earlier ? widened : s);
            }
            bySql.put(statement.sql(), widened);
        }
        return false;
    }
}
