package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.CallArguments;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.source.FlywayCallbacks;
import io.github.sqlguard.sql.BuiltText;
import io.github.sqlguard.sql.ParameterWrites;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.StatementSplitter;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A procedure or function a migration created, as the replay met it: its name, where it was created and the
 * statements of its body, which run wherever a later migration calls it. Only the bodies of routines that some
 * migration calls are kept once the replay is over: the others would hold the tokens of every routine of a
 * large project for nothing.
 */
public final class DefinedRoutine {

    /** Tokens of {@code CREATE [OR REPLACE] [DEFINER = u@h] PROCEDURE [IF NOT EXISTS] name}, where the name is. */
    private static final int HEADER_TOKENS = 16;

    private final String name;
    /** The name as the definition writes it, for messages: {@code FixPk} where {@link #name} is the key fixpk. */
    private final String shownName;
    private final Location definedAt;
    private final String creator;
    private final int fromOffset;
    private final int toOffset;
    /**
     * How many arguments its calls pass where a routine of another count is an overload beside it (PostgreSQL);
     * -1 where one of the same name replaces it whatever its parameters.
     */
    private final int overloadArity;
    /**
     * For a subprogram an anonymous PL/SQL block declares, the stretch of that block, where alone it can be called;
     * null for a routine the schema keeps.
     */
    private final Scope block;
    private List<Statement> body = new ArrayList<>();
    /** The statement that creates it, read again for a call that passes literals; null once forgotten. */
    private Statement definition;
    /**
     * What a call that passes these literals checks is empty ({@link CalledEmptinessChecks#checkedBy}), by the
     * literals: the run's guards ask again for the same call each time a branch or a routine body starts from what
     * ran before it, and reading the body for a call means splitting its text again.
     */
    private final Map<Map<String, Token>, Optional<List<String>>> emptinessChecks = new ConcurrentHashMap<>();
    /** By parameter name, whether the body writes it ({@link #unchanged}). */
    private final Map<String, Boolean> writtenParameters = new ConcurrentHashMap<>();

    DefinedRoutine(String name, Statement definition) {
        this(name, definition, definition.firstToken().offset(),
                definition.tokens().get(definition.tokens().size() - 1).endOffset());
    }

    /** One member of an Oracle package body, whose body is the text between the two offsets. */
    DefinedRoutine(String name, Statement definition, int fromOffset, int toOffset) {
        this(name, definition, fromOffset, toOffset, null);
    }

    /** A subprogram of the anonymous block {@code block}, whose body is the text between the two offsets. */
    static DefinedRoutine local(String name, Statement block, int fromOffset, int toOffset) {
        List<Token> tokens = block.tokens();
        return new DefinedRoutine(name, block, fromOffset, toOffset,
                new Scope(tokens.get(0).offset(), tokens.get(tokens.size() - 1).endOffset()));
    }

    private DefinedRoutine(String name, Statement definition, int fromOffset, int toOffset, Scope block) {
        this.name = name;
        this.block = block;
        List<Token> tokens = definition.tokens();
        int header = 0;
        while (block != null && header < tokens.size() - 1 && tokens.get(header).offset() < fromOffset) {
            header++;
        }
        this.shownName = name.indexOf('.') >= 0 ? name
                : SchemaNames.asWrittenIn(tokens.subList(header, Math.min(tokens.size(), header + HEADER_TOKENS)),
                        name);
        this.definedAt = definition.start();
        String label = definition.context().label();
        // "Flyway callback beforeMigrate, which runs on every migrate": the callback's name is enough here.
        this.creator = FlywayCallbacks.isCallbackLabel(label) ? "the " + label.split(",", 2)[0]
                : "an earlier migration";
        this.fromOffset = fromOffset;
        this.toOffset = toOffset;
        this.definition = definition;
        Dialect dialect = definition.dialect();
        this.overloadArity = dialect == Dialect.POSTGRESQL || dialect == Dialect.AUTO
                ? CallArguments.inputParameterCount(tokens, fromOffset) : -1;
    }

    /** The normalized last part of the routine's name; {@code package.member} for a member of a package. */
    public String name() {
        return name;
    }

    /** The routine's name as its definition writes it, for messages; {@link #name()} for a package member. */
    public String shownName() {
        return shownName;
    }

    /** The word a call of the routine names in any case: its own name, without its package's. */
    String word() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Where the {@code CREATE PROCEDURE|FUNCTION} statement starts. */
    public Location definedAt() {
        return definedAt;
    }

    /** What created it, for a message: "an earlier migration", "the Flyway callback beforeMigrate". */
    public String creator() {
        return creator;
    }

    /** The statements of its body, in source order. */
    public List<Statement> body() {
        return Collections.unmodifiableList(body);
    }

    /**
     * The statements of its body as {@code call} runs them: where the call passes a literal for a parameter, the
     * SQL the body builds from it is read with that text; else {@link #body()}.
     */
    public List<Statement> bodyAt(Statement call) {
        return bodyAt(call, Map.of());
    }

    /**
     * As {@link #bodyAt(Statement)}, for a call made in another routine's body that its own call gave the literals
     * {@code callerArguments}: what the call builds from them is passed on.
     */
    public List<Statement> bodyAt(Statement call, Map<String, Token> callerArguments) {
        Map<String, Token> arguments = argumentsAt(call, callerArguments);
        if (arguments.isEmpty()) {
            return body();
        }
        int base = definition.firstToken().offset();
        return new StatementSplitter(definition.dialect(), Placeholders.DEFAULT).splitCalled(definition, arguments)
                .statements().stream()
                .filter(statement -> statement.context().kind() == bodyKind()
                        && statement.firstToken().offset() > fromOffset - base
                        && statement.firstToken().offset() < toOffset - base)
                .map(this::asCalled)
                .toList();
    }

    /**
     * The kind of the statements of its body as the splitter reads its definition: a block's subprogram is read
     * as part of the block that declares it.
     */
    private StatementContext.Kind bodyKind() {
        return block == null ? StatementContext.Kind.ROUTINE_BODY : StatementContext.Kind.EXECUTED_BLOCK;
    }

    /** {@code statement} of its body as a call runs it: inside a routine's body, wherever the text declares it. */
    public Statement asCalled(Statement statement) {
        if (block == null || statement.context().kind() != StatementContext.Kind.EXECUTED_BLOCK) {
            return statement;
        }
        StatementContext context = statement.context();
        return new Statement(statement.sql(), statement.start(), statement.tokens(),
                new StatementContext(StatementContext.Kind.ROUTINE_BODY, context.label(), context.databases(),
                        context.body()),
                statement.dialect(), statement.container(), statement.written(), statement.runtimeSql(),
                statement.unvaluedPlaceholders());
    }

    /**
     * False for a subprogram of an anonymous block that {@code call}, outside the block or in another script, cannot
     * reach; true for any other routine.
     */
    public boolean reachableFrom(Statement call) {
        int offset = call.firstToken().offset();
        return block == null || createdInScriptOf(call) && offset > block.from() && offset < block.to();
    }

    /** True for a subprogram an anonymous block declares for its own statements. */
    public boolean declaredInBlock() {
        return block != null;
    }

    /**
     * The literals {@code call} passes for the parameters, by lower-case name, with {@code callerArguments} those of
     * the body that makes the call; empty when none is known.
     */
    public Map<String, Token> argumentsAt(Statement call, Map<String, Token> callerArguments) {
        // Placeholder values may have changed the text's length, and with it where the body lies in it.
        if (definition == null || definition.written() != null) {
            return Map.of();
        }
        return CallArguments.of(definition.tokens(), fromOffset, call.tokens(), word(), callerArguments);
    }

    /**
     * Of {@code arguments} ({@link #argumentsAt}), those of the parameters the body never writes itself: each holds
     * the call's literal in every statement of the body.
     */
    public Map<String, Token> unchanged(Map<String, Token> arguments) {
        if (arguments.isEmpty()) {
            return arguments;
        }
        Map<String, Token> unchanged = new HashMap<>(arguments);
        unchanged.keySet().removeIf(this::writesParameter);
        return unchanged;
    }

    /** True when the body may assign the parameter {@code name} (lower case): asked once per routine and name. */
    private boolean writesParameter(String name) {
        return writtenParameters.computeIfAbsent(name, key -> ParameterWrites.writes(definition.tokens().stream()
                .filter(token -> token.offset() >= fromOffset && token.offset() < toOffset).toList(), key));
    }

    /**
     * The text that creates the routine, from {@code CREATE} to its end (a package member's own text); empty once
     * forgotten, or when placeholder values changed the text and with it where the routine lies in it.
     */
    Optional<String> definitionText() {
        if (definition == null || definition.written() != null) {
            return Optional.empty();
        }
        int base = definition.firstToken().offset();
        String sql = definition.sql();
        int from = fromOffset - base;
        int to = Math.min(toOffset - base, sql.length());
        return from < 0 || from >= to ? Optional.empty() : Optional.of(sql.substring(from, to));
    }

    /**
     * The statements of its body that run, or in T-SQL only assign, a text known whole for a call that passes
     * {@code arguments} ({@link StatementSplitter#builtTextsOfCalled}); their offsets count from where
     * {@link #definitionText()} starts, less {@link #definitionTextStart()}.
     */
    List<BuiltText> builtTextsAt(Map<String, Token> arguments) {
        if (definition == null || definition.written() != null) {
            return List.of();
        }
        return new StatementSplitter(definition.dialect(), Placeholders.DEFAULT).builtTextsOfCalled(definition,
                arguments);
    }

    /** Where {@link #definitionText()} starts among the offsets of {@link #builtTextsAt}'s tokens. */
    int definitionTextStart() {
        return definition == null ? 0 : fromOffset - definition.firstToken().offset();
    }

    /** The dialect of the script that created it. */
    Dialect dialect() {
        return definition == null ? Dialect.AUTO : definition.dialect();
    }

    /** Whether the routine is written in T-SQL, whose procedures take their body after {@code AS}. */
    boolean readsAsTsql() {
        return definition != null && definition.readsAsTsql();
    }

    /**
     * True when {@code call} passes a literal for a parameter whose value the body reads, so that
     * {@link #bodyAt} reads the body with it.
     */
    public boolean takesLiteralsFrom(Statement call) {
        return definition != null && definition.written() == null
                && !CallArguments.of(definition.tokens(), fromOffset, call.tokens(), word()).isEmpty();
    }

    /**
     * True when this routine and {@code later}, created after it under the same name, are overloads that live side
     * by side: PostgreSQL's {@code CREATE OR REPLACE FUNCTION f(a text, b text)} adds one beside {@code f(a text)}
     * and replaces only a function of the same parameters. Told apart by how many parameters each takes; two of one
     * count are taken as the same, the later replacing the earlier.
     */
    boolean standsBeside(DefinedRoutine later) {
        return overloadArity >= 0 && later.overloadArity >= 0 && overloadArity != later.overloadArity;
    }

    /**
     * False when {@code call} passes more or fewer arguments than this routine can take, so that the database runs
     * another overload of its name there; true when either count is not known.
     */
    public boolean mayTakeArgumentsOf(Statement call) {
        return definition == null || definition.written() != null
                || CallArguments.mayTake(definition.tokens(), fromOffset, call.tokens(), word());
    }

    /**
     * The overloads among {@code routines} that {@code call} may run, as its number of arguments tells them apart;
     * all of them when it fits none, since a call the database refuses runs nothing either way.
     */
    public static List<DefinedRoutine> reachedBy(Statement call, List<DefinedRoutine> routines) {
        if (routines.size() < 2) {
            return routines;
        }
        List<DefinedRoutine> fitting = routines.stream().filter(routine -> routine.mayTakeArgumentsOf(call)).toList();
        return fitting.isEmpty() ? routines : fitting;
    }

    /** True when {@code statement} lies inside the definition's text, as the statements of its body do. */
    public boolean encloses(Statement statement) {
        int offset = statement.firstToken().offset();
        return createdInScriptOf(statement) && offset > fromOffset && offset < toOffset;
    }

    /** True when the script that holds {@code statement} is the one that created this routine. */
    public boolean createdInScriptOf(Statement statement) {
        return definedAt.path().equals(statement.start().path());
    }

    /** Adds {@code statement} when it lies inside the definition's text: its body follows it. */
    boolean addIfInside(Statement statement) {
        boolean inside = statement.context().kind() == bodyKind() && encloses(statement);
        if (inside) {
            body.add(statement);
        }
        return inside;
    }

    /** Lets go of the body's statements: nothing calls the routine. */
    void forgetBody() {
        body = List.of();
        definition = null;
        emptinessChecks.clear();
    }

    /**
     * The tables a call passing {@code arguments} checks are empty, as {@code reading} finds them the first time it is
     * asked for those literals.
     */
    Optional<List<String>> emptinessChecksFor(Map<String, Token> arguments,
            Supplier<Optional<List<String>>> reading) {
        Optional<List<String>> known = emptinessChecks.get(arguments);
        if (known != null) {
            return known;
        }
        Optional<List<String>> read = reading.get().map(List::copyOf);
        emptinessChecks.put(Map.copyOf(arguments), read);
        return read;
    }

    /** The offsets between which a block's statements lie. */
    private record Scope(int from, int to) {
    }
}
