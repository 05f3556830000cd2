package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * T-SQL variables that hold one object's name read from the catalogue: SQL Server names a default or primary key
 * constraint itself ({@code DF__orders__status__1A2B3C4D}) when its DDL names none, so a migration that drops one
 * looks the name up and runs it ({@code SELECT @pk = name FROM sys.key_constraints WHERE parent_object_id = ..;
 * EXEC ('ALTER TABLE orders DROP CONSTRAINT ' + @pk)}). Such a name was given by the schema's own DDL, so it joins
 * the text as one name, as {@code QUOTENAME(@pk)} would: the statement is what its literals show (a
 * {@code 'DROP TABLE ' + @t} read from {@code sys.tables} is still a drop-table). A name read from the application's
 * own tables, or any other value, may hold a clause and stays built at run time.
 */
final class CatalogueNames {

    /** The schemas of SQL Server's catalogue views, the standard's, and Db2's ({@code SYSCAT.TABCONST}). */
    private static final Set<String> CATALOGUE_SCHEMAS = Set.of("SYS", "INFORMATION_SCHEMA", "SYSCAT", "SYSIBM",
            "PG_CATALOG");
    /**
     * PostgreSQL's catalogue tables and views of objects, which every schema's search path reaches unqualified
     * ({@code pg_constraint.conname}, {@code pg_tables.tablename}).
     */
    private static final Set<String> POSTGRESQL_CATALOGUE = Set.of("PG_CONSTRAINT", "PG_CLASS", "PG_NAMESPACE",
            "PG_TABLES", "PG_INDEXES", "PG_VIEWS", "PG_MATVIEWS", "PG_SEQUENCES", "PG_TRIGGER", "PG_INDEX",
            "PG_ATTRIBUTE", "PG_TYPE", "PG_PROC");
    /** Oracle's data dictionary views of names, each also read as {@code USER_}, {@code ALL_} or {@code DBA_}. */
    private static final Set<String> ORACLE_DICTIONARY_VIEWS = Set.of("CONSTRAINTS", "CONS_COLUMNS", "INDEXES",
            "IND_COLUMNS", "TABLES", "TAB_COLUMNS", "TAB_COLS", "TRIGGERS", "SEQUENCES", "OBJECTS", "VIEWS");
    /** Judges each place a variable is assigned: a catalogue name, or anything else. */
    private static final EveryAssignment.Judge CATALOGUE_NAME = new EveryAssignment.Judge() {
        @Override
        public EveryAssignment.Verdict at(List<Token> scope, int index, Token before) {
            return catalogueNameAssigned(scope, index, before);
        }

        @Override
        public EveryAssignment.Verdict byContext(List<Token> scope, int index) {
            return selectedIntoFromCatalogue(scope, index) || CatalogueRowNames.fillsName(scope, index)
                    ? EveryAssignment.Verdict.HOLDS
                    : EveryAssignment.Verdict.FAILS;
        }
    };
    /** Where a query's FROM list ends, or the next statement of a batch without {@code ;} starts. */
    private static final Set<String> FROM_LIST_ENDS = Set.of("WHERE", "GROUP", "ORDER", "HAVING", "UNION",
            "EXCEPT", "INTERSECT", "OPTION", "IF", "EXEC", "EXECUTE", "SET", "SELECT", "DECLARE", "ALTER", "PRINT",
            "WHILE", "INSERT", "UPDATE", "DELETE", "DROP", "CREATE", "BEGIN", "END", "RETURN", "GO");

    private CatalogueNames() {
    }

    /**
     * True when {@code variable} is assigned at least once in {@code scope} and each time the name column of a query
     * that reads only catalogue views: {@code SELECT @v = [alias.]name FROM sys.x ..} or {@code SET @v = (SELECT
     * CONSTRAINT_NAME FROM INFORMATION_SCHEMA.x ..)}; never by {@code +=}, {@code OUTPUT} or {@code INTO}.
     */
    static boolean holdsOneName(List<Token> scope, Token variable) {
        return EveryAssignment.holds(scope, variable, CATALOGUE_NAME);
    }

    /**
     * True for {@code SELECT [alias.]name INTO v FROM ..} of catalogue views only, at {@code v}: PL/SQL's and Db2's
     * way to look up a constraint's name ({@code SELECT constraint_name INTO c FROM user_cons_columns ..},
     * {@code SELECT CONSTNAME INTO c FROM SYSCAT.TABCONST ..}).
     */
    private static boolean selectedIntoFromCatalogue(List<Token> scope, int at) {
        if (at < 3 || !scope.get(at - 1).isWord("INTO") || at + 1 >= scope.size() || !scope.get(at + 1).isWord("FROM")) {
            return false;
        }
        int column = at - 2;
        int select = column >= 2 && scope.get(column - 1).isSymbol(".") && isName(scope.get(column - 2))
                ? column - 3 : column - 1;
        return select >= 0 && scope.get(select).isWord("SELECT") && isName(scope.get(column))
                && namesOneObject(bare(scope.get(column))) && readsOnlyCatalogue(scope, at + 1, scope.size());
    }

    private static EveryAssignment.Verdict catalogueNameAssigned(List<Token> scope, int i, Token before) {
        int declaredValue = declaredValue(scope, i);
        if (declaredValue >= 0) {
            // DECLARE @c sysname = (SELECT name FROM sys.x ..) is the SET form written in the declaration: a lookup
            // that finds no row leaves NULL, which turns the whole text NULL, and EXEC runs nothing.
            return declaredValue < scope.size() && scope.get(declaredValue - 1).isSymbol("=")
                    && isCatalogueNameSubqueryAlone(scope, declaredValue)
                    ? EveryAssignment.Verdict.HOLDS : EveryAssignment.Verdict.FAILS;
        }
        if (scope.get(i + 1).isSymbol(":=")) {
            return EveryAssignment.Verdict.FAILS; // PL/SQL's c := ..: no query of the catalogue
        }
        if (!scope.get(i + 1).isSymbol("=") || before == null) {
            return EveryAssignment.Verdict.NOT_AN_ASSIGNMENT;
        }
        if (isSelectAssignment(scope, i)) {
            return selectsCatalogueName(scope, i + 2, scope.size()) || isCatalogueNameSubqueryAlone(scope, i + 2)
                    ? EveryAssignment.Verdict.HOLDS : EveryAssignment.Verdict.FAILS;
        }
        if (before.isWord("SET") || before.isSymbol(",")) {
            return isCatalogueNameSubqueryAlone(scope, i + 2) ? EveryAssignment.Verdict.HOLDS
                    : EveryAssignment.Verdict.FAILS;
        }
        return EveryAssignment.Verdict.NOT_AN_ASSIGNMENT;
    }

    /**
     * {@code assigned}, what {@code SELECT target = assigned FROM ..} gives its variable, with each name column it
     * joins ({@code d.name}) read as one name when the query reads only catalogue views, as T-SQL builds the whole
     * text in the query ({@code SELECT @cmd = 'ALTER TABLE t DROP CONSTRAINT ' + d.name FROM sys.default_constraints
     * d ..}); {@code assigned} itself otherwise.
     */
    static List<Token> withNameColumnsAsOneName(List<Token> scope, Token target, List<Token> assigned) {
        int at = indexOf(scope, target);
        int from = at + 2 + assigned.size();
        if (at < 1 || !isSelectAssignment(scope, at) || from >= scope.size() || !scope.get(from).isWord("FROM")
                || !readsOnlyCatalogue(scope, from, scope.size())) {
            return assigned;
        }
        List<Token> result = new ArrayList<>();
        int operand = 0;
        for (int i = 0; i <= assigned.size(); i++) {
            if (i < assigned.size() && !assigned.get(i).isSymbol("+")) {
                continue;
            }
            List<Token> part = assigned.subList(operand, i);
            if (isNameColumn(part)) {
                Token first = part.get(0);
                result.add(StandIns.quoted(0, first.offset(), first.line(), first.column()));
            } else {
                result.addAll(part);
            }
            if (i < assigned.size()) {
                result.add(assigned.get(i));
            }
            operand = i + 1;
        }
        return result;
    }

    /**
     * True when the variable at {@code at} is the first select item of {@code SELECT @v = ..}, also behind
     * {@code TOP 1} or {@code TOP (1)}, with which scripts take one constraint's name when the lookup may find several.
     */
    static boolean isSelectAssignment(List<Token> scope, int at) {
        int top = at - 2;
        if (at >= 1 && scope.get(at - 1).isSymbol(")")) {
            top = openingParenthesis(scope, at - 1) - 1;
        } else if (at >= 1 && scope.get(at - 1).type() != TokenType.NUMBER) {
            top = -1;
        }
        if (top >= 1 && scope.get(top).isWord("TOP")) {
            return scope.get(top - 1).isWord("SELECT");
        }
        return at >= 1 && scope.get(at - 1).isWord("SELECT");
    }

    /** The index of the {@code (} that the {@code )} at {@code close} closes, or -1. */
    private static int openingParenthesis(List<Token> scope, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            depth += scope.get(i).isSymbol(")") ? 1 : scope.get(i).isSymbol("(") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code name}, {@code CONSTRAINT_NAME} or {@code d.name}: a catalogue column that holds one object's name. */
    static boolean isNameColumn(List<Token> part) {
        int at = part.size() == 3 && isName(part.get(0)) && part.get(1).isSymbol(".") ? 2 : 0;
        return part.size() == at + 1 && isName(part.get(at)) && !part.get(at).text().startsWith("@")
                && namesOneObject(bare(part.get(at)));
    }

    /**
     * True for a catalogue column, upper-cased, that holds one object's name: {@code NAME}, {@code CONSTRAINT_NAME},
     * and the schema that owns it, as Oracle's dictionary ({@code OWNER}, {@code R_OWNER}, {@code TABLE_OWNER}) and
     * the standard's views ({@code TABLE_SCHEMA}) name it.
     */
    private static boolean namesOneObject(String column) {
        return column.endsWith("NAME") || column.equals("OWNER") || column.endsWith("_OWNER")
                || column.endsWith("_SCHEMA");
    }

    private static int indexOf(List<Token> scope, Token token) {
        for (int i = 0; i < scope.size(); i++) {
            if (scope.get(i).offset() == token.offset()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * For {@code DECLARE @v NVARCHAR(200) = ..} (PL/SQL's {@code c VARCHAR2(30) := ..}, Db2's {@code DEFAULT ..})
     * at {@code at}, the index of the value's first token, else -1: a later query that finds no row leaves the
     * variable that value, which the catalogue gave only when it is a lookup of a name itself.
     */
    private static int declaredValue(List<Token> scope, int at) {
        int i = at + 1;
        if (i < scope.size() && scope.get(i).isWord("AS")) {
            i++;
        }
        if (i >= scope.size() || scope.get(i).type() != TokenType.WORD) {
            return -1;
        }
        i++;
        if (i < scope.size() && scope.get(i).isSymbol("(")) {
            i = TopLevel.closingParenthesis(scope, i) + 1;
        }
        boolean valued = i > 0 && i < scope.size()
                && (scope.get(i).isSymbol("=") || scope.get(i).isSymbol(":=") || scope.get(i).isWord("DEFAULT"));
        return valued ? i + 1 : -1;
    }

    /**
     * {@code expression}, text a migration runs, with each operand of {@code ||} or {@code +} that queries one name
     * from catalogue views only ({@code 'ALTER TABLE t DROP CONSTRAINT ' || (SELECT CONSTRAINT_NAME FROM
     * INFORMATION_SCHEMA.CONSTRAINTS WHERE ..)}, as H2 scripts hand it to a Java alias that runs it) read as one name.
     */
    static List<Token> withNameSubqueriesAsOneName(List<Token> expression) {
        List<Token> result = null;
        for (int i = 0; i < expression.size(); i++) {
            Token token = expression.get(i);
            int close = token.isSymbol("(") && joinsText(expression, i - 1)
                    ? TopLevel.closingParenthesis(expression, i) : -1;
            if (close > i && (close + 1 == expression.size() || joinsText(expression, close + 1))
                    && isCatalogueNameSubquery(expression, i)) {
                if (result == null) {
                    result = new ArrayList<>(expression.subList(0, i));
                }
                result.add(StandIns.quoted(0, token.offset(), token.line(), token.column()));
                i = close;
            } else if (result != null) {
                result.add(token);
            }
        }
        return result == null ? expression : result;
    }

    /** True for {@code ||} or {@code +} at {@code at}. */
    private static boolean joinsText(List<Token> expression, int at) {
        return at >= 0 && at < expression.size()
                && (expression.get(at).isSymbol("||") || expression.get(at).isSymbol("+"));
    }

    /**
     * True for {@code (SELECT name FROM sys.x ..)} at {@code open} as the whole value assigned, as in
     * {@code SELECT @c = (SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE ..)}: an operator
     * after it ({@code + ' DROP COLUMN a'}) joins text the catalogue did not give.
     */
    private static boolean isCatalogueNameSubqueryAlone(List<Token> scope, int open) {
        if (!isCatalogueNameSubquery(scope, open)) {
            return false;
        }
        int next = TopLevel.closingParenthesis(scope, open) + 1;
        return next >= scope.size() || scope.get(next).type() != TokenType.SYMBOL
                || StatementEnd.isSeparator(scope.get(next));
    }

    /** True for {@code (SELECT name FROM sys.x ..)} at {@code open}. */
    private static boolean isCatalogueNameSubquery(List<Token> scope, int open) {
        if (!scope.get(open).isSymbol("(") || open + 1 >= scope.size() || !scope.get(open + 1).isWord("SELECT")) {
            return false;
        }
        int close = TopLevel.closingParenthesis(scope, open);
        return close > 0 && selectsCatalogueName(scope, afterTop(scope, open + 2, close), close);
    }

    /**
     * The index after {@code TOP 1} or {@code TOP (1)} at {@code at}, with which a lookup takes one name where it may
     * find several; {@code at} when no TOP stands there.
     */
    private static int afterTop(List<Token> scope, int at, int end) {
        if (at + 1 >= end || !scope.get(at).isWord("TOP")) {
            return at;
        }
        if (scope.get(at + 1).type() == TokenType.NUMBER) {
            return at + 2;
        }
        int close = scope.get(at + 1).isSymbol("(") ? TopLevel.closingParenthesis(scope, at + 1) : -1;
        return close > at && close < end ? close + 1 : at;
    }

    /**
     * True when the select item at {@code from} is a name column alone ({@code name}, {@code d.name},
     * {@code CONSTRAINT_NAME}) and the FROM list right after it, up to {@code end}, names catalogue views only.
     */
    private static boolean selectsCatalogueName(List<Token> scope, int from, int end) {
        int at = from;
        if (at + 2 < end && isName(scope.get(at)) && scope.get(at + 1).isSymbol(".")) {
            at += 2;
        }
        boolean nameColumn = at < end && isName(scope.get(at)) && namesOneObject(bare(scope.get(at)));
        return nameColumn && at + 1 < end && scope.get(at + 1).isWord("FROM")
                && readsOnlyCatalogue(scope, at + 1, end);
    }

    /** True when every table of the FROM list at {@code from} (FROM, each JOIN, comma and APPLY) is a catalogue view. */
    static boolean readsOnlyCatalogue(List<Token> scope, int from, int end) {
        int depth = 0;
        for (int i = from; i < end; i++) {
            Token token = scope.get(i);
            if (StatementEnd.isSeparator(token) || depth == 0 && token.type() == TokenType.WORD && i > from
                    && FROM_LIST_ENDS.contains(token.upper())) {
                return true;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth < 0) {
                return true;
            }
            boolean tableFollows = depth == 0 && (token.isAnyWord("FROM", "JOIN", "APPLY") || token.isSymbol(","));
            if (tableFollows && i + 1 < end && scope.get(i + 1).isSymbol("(")) {
                int close = TopLevel.closingParenthesis(scope, i + 1);
                if (close < 0 || close >= end || !derivedTableReadsOnlyCatalogue(scope, i + 1, close)) {
                    return false;
                }
                i = close;
            } else if (tableFollows && !isCatalogueView(scope, i + 1, end)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True for a derived table {@code (SELECT * FROM INFORMATION_SCHEMA.x WHERE ..) a} from {@code open} to
     * {@code close} whose rows all come from catalogue views: a select list without a query of its own, one query
     * (no UNION), and a FROM list of catalogue views or such derived tables.
     */
    private static boolean derivedTableReadsOnlyCatalogue(List<Token> scope, int open, int close) {
        if (!scope.get(open + 1).isWord("SELECT")) {
            return false;
        }
        int from = -1;
        int depth = 0;
        for (int i = open + 2; i < close; i++) {
            Token token = scope.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (from < 0 && token.isWord("SELECT") || token.isAnyWord("UNION", "EXCEPT", "INTERSECT")) {
                return false;
            }
            if (from < 0 && depth == 0 && token.isWord("FROM")) {
                from = i;
            }
        }
        return from > 0 && readsOnlyCatalogue(scope, from, close);
    }

    /**
     * True for {@code sys.x}, {@code INFORMATION_SCHEMA.x}, {@code SYSCAT.x}, {@code pg_catalog.x} or one behind a
     * database name, for Oracle's dictionary views of names ({@code user_cons_columns}, {@code SYS.ALL_CONSTRAINTS})
     * and for PostgreSQL's catalogue written without its schema ({@code pg_constraint}), at {@code at}.
     */
    private static boolean isCatalogueView(List<Token> scope, int at, int end) {
        int view = at + 2 < end && isName(scope.get(at)) && scope.get(at + 1).isSymbol(".") ? at + 2 : at;
        if (view < end && isName(scope.get(view)) && (view == at || bare(scope.get(at)).equals("SYS"))
                && isOracleDictionaryView(bare(scope.get(view)))) {
            return true;
        }
        if (at < end && isName(scope.get(at)) && POSTGRESQL_CATALOGUE.contains(bare(scope.get(at)))
                && (at + 1 >= end || !scope.get(at + 1).isSymbol("."))) {
            return true;
        }
        int schema = at + 3 < end && isName(scope.get(at)) && scope.get(at + 1).isSymbol(".")
                && isName(scope.get(at + 2)) && scope.get(at + 3).isSymbol(".") ? at + 2 : at;
        return schema + 2 < end && isName(scope.get(schema)) && CATALOGUE_SCHEMAS.contains(bare(scope.get(schema)))
                && scope.get(schema + 1).isSymbol(".") && isName(scope.get(schema + 2));
    }

    private static boolean isOracleDictionaryView(String name) {
        for (String prefix : new String[] {"USER_", "ALL_", "DBA_"}) {
            if (name.startsWith(prefix) && ORACLE_DICTIONARY_VIEWS.contains(name.substring(prefix.length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isName(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }

    /** The name without T-SQL's brackets or double quotes, upper-cased. */
    private static String bare(Token token) {
        String text = token.text();
        if (token.type() == TokenType.QUOTED_NAME && text.length() >= 2) {
            text = text.substring(1, text.length() - 1);
        }
        return text.toUpperCase(Locale.ROOT);
    }
}
