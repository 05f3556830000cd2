package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, for each statement of one script run (a Flyway script, a Liquibase changeset), the {@link Guard}
 * that the script puts before it. Feed statements in order: {@link #guardOf} first, then {@link #observe}.
 *
 * <p>A condition guards only when it requires the table to be empty: T-SQL {@code IF NOT EXISTS (SELECT 1
 * FROM t) DROP TABLE t}, PL/pgSQL {@code IF NOT EXISTS (SELECT 1 FROM t) THEN DROP TABLE t}, or
 * {@code (SELECT COUNT(*) FROM t) = 0}. {@code IF EXISTS (..)}, {@code IF OBJECT_ID(..) IS NOT NULL},
 * {@code DROP TABLE IF EXISTS}, and a condition with a WHERE or about another table do not.
 */
public final class LossGuards {

    private static final String NAME = "([\\w$#.\"`\\[\\]]+)";
    private static final Pattern NOT_EXISTS = Pattern.compile("(?is)\\bIF\\s+NOT\\s+EXISTS\\s*\\(\\s*SELECT\\s+"
            + "(?:TOP\\s*\\(?\\s*1\\s*\\)?\\s+)?(?:1|\\*|[\\w.\"`\\[\\]]+)\\s+FROM\\s+" + NAME
            + "\\s*\\)\\s*(?:THEN|BEGIN)?\\s*$");
    private static final Pattern COUNT_ZERO = Pattern.compile("(?is)\\bIF\\s*\\(\\s*SELECT\\s+COUNT\\s*\\(\\s*"
            + "(?:\\*|1)\\s*\\)\\s+FROM\\s+" + NAME + "\\s*\\)\\s*=\\s*0\\s*(?:THEN|BEGIN)?\\s*$");

    private final Map<String, String> copiedTables = new HashMap<>();
    private final Set<String> emptyTables = new HashSet<>();
    private final Map<String, Set<String>> addedColumns = new HashMap<>();
    private Statement lastContainer;

    /** The guard of {@code statement}, when the script gives it one. */
    public Optional<Guard> guardOf(Statement statement) {
        List<Token> tokens = statement.tokens();
        if (statement.container() || tokens.isEmpty()) {
            return Optional.empty();
        }
        int main = mainKeyword(tokens);
        List<String> targets = DestroyedTables.of(tokens, main);
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> emptyTable = emptinessCondition(statement, main);
        if (emptyTable.isPresent() && targets.stream().allMatch(t -> SchemaNames.key(t).equals(emptyTable.get()))) {
            return Optional.of(new Guard(Guard.Kind.EMPTY_TABLE, "runs only when " + targets.get(0) + " is empty"));
        }
        if (targets.stream().allMatch(t -> emptyTables.contains(SchemaNames.key(t)))) {
            return Optional.of(new Guard(Guard.Kind.EMPTY_TABLE, "runs only when " + targets.get(0)
                    + " is empty (changeset precondition)"));
        }
        if (targets.stream().allMatch(t -> copiedTables.containsKey(SchemaNames.key(t)))) {
            return Optional.of(new Guard(Guard.Kind.ROWS_COPIED, copiedTables.get(SchemaNames.key(targets.get(0)))));
        }
        Set<String> added = addedColumns.getOrDefault(SchemaNames.key(targets.get(0)), Set.of());
        List<String> scratch = DestroyedTables.droppedColumns(tokens, main).stream()
                .filter(c -> added.contains(SchemaNames.key(c))).toList();
        if (!scratch.isEmpty() && targets.size() == 1) {
            // Guards only the findings about these columns; one about another column dropped alongside stays.
            return Optional.of(new Guard(Guard.Kind.SCRATCH_COLUMN, (scratch.size() == 1 ? "column " : "columns ")
                    + String.join(", ", scratch) + (scratch.size() == 1 ? " was" : " were")
                    + " added earlier in this script", new HashSet<>(scratch.stream().map(SchemaNames::key).toList())));
        }
        return Optional.empty();
    }

    /** Records what {@code statement} establishes for later ones: full copies of tables, added columns. */
    public void observe(Statement statement) {
        observe(statement, SchemaView.UNKNOWN);
    }

    /**
     * Records what {@code statement} establishes for later ones, {@code before} being the schema just before it:
     * a copy that lists the columns is a full copy when it reads every column the schema knows the table has.
     */
    public void observe(Statement statement, SchemaView before) {
        if (statement.container()) {
            lastContainer = statement;
            // A Liquibase precondition arrives as the bare condition, and holds for the whole changeset.
            Matcher precondition = NOT_EXISTS.matcher(statement.sql());
            if (precondition.matches()) {
                emptyTables.add(SchemaNames.key(precondition.group(1)));
            }
            return;
        }
        if (!statement.context().runsWithMigration()) {
            return;
        }
        List<Token> tokens = statement.tokens();
        int main = mainKeyword(tokens);
        DestroyedTables.fullCopy(tokens, main).or(() -> ColumnListCopy.of(tokens, main, before))
                .ifPresent(copy -> copiedTables.put(SchemaNames.key(copy.source()),
                        "rows copied to " + copy.target() + " at line " + statement.start().line()));
        DestroyedTables.addedColumns(tokens, main).ifPresent(added -> addedColumns
                .computeIfAbsent(SchemaNames.key(added.table()), k -> new HashSet<>()).addAll(added.columns()));
    }

    /**
     * The table whose emptiness the text just before the statement's main keyword requires: in the same
     * statement (T-SQL {@code IF .. DROP}) or in the block that contains it (PL/pgSQL {@code IF .. THEN}).
     */
    private Optional<String> emptinessCondition(Statement statement, int main) {
        List<Token> tokens = statement.tokens();
        String before = "";
        if (main > 0) {
            before = textBetween(statement, tokens.get(0), tokens.get(main));
        } else if (lastContainer != null && statement.context().kind() == io.github.sqlguard.sql.StatementContext.Kind.EXECUTED_BLOCK
                && lastContainer.start().path().equals(statement.start().path())) {
            before = textBetween(lastContainer, lastContainer.firstToken(), statement.firstToken());
        }
        for (Pattern pattern : List.of(NOT_EXISTS, COUNT_ZERO)) {
            Matcher matcher = pattern.matcher(before);
            if (matcher.find()) {
                return Optional.of(SchemaNames.key(matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The source text of {@code holder} from token {@code from} up to (not including) {@code to}. */
    private static String textBetween(Statement holder, Token from, Token to) {
        int length = to.offset() - from.offset();
        String sql = holder.sql();
        if (length <= 0 || length > sql.length()) {
            return "";
        }
        return sql.substring(0, length);
    }

    private static int mainKeyword(List<Token> tokens) {
        int i = 0;
        int depth = 0;
        if (tokens.isEmpty() || !tokens.get(0).isWord("IF")) {
            return 0;
        }
        for (; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.type() == TokenType.WORD
                    && token.isAnyWord("DROP", "TRUNCATE", "DELETE", "ALTER", "CREATE", "INSERT", "SELECT")
                    && i > 1) {
                return i;
            }
        }
        return 0;
    }

    static List<String> names(List<Token> tokens, int from) {
        List<String> names = new ArrayList<>();
        for (List<Token> part : ObjectNames.splitAtCommas(tokens, from, tokens.size())) {
            SchemaNames.Read name = SchemaNames.name(part, part.get(0).isWord("ONLY") ? 1 : 0);
            if (name != null) {
                names.add(SchemaNames.unquoted(name.text()));
            }
        }
        return names;
    }
}
