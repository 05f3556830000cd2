package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The splitting of one text ({@link StatementSplitter}): cuts its tokens into statements ({@link StatementCuts}),
 * then emits each, opening what a statement runs inside it (a block, a routine's or DO body, dynamic SQL, a prepared
 * statement) and splitting that again with its own context, positions in the file, and the variables and arguments
 * in scope.
 * A quoted body is split by a run of its own over the unquoted text, whose findings are located back in the file.
 */
final class SplitRun {

    private final StatementSplitter splitter;
    private final Dialect dialect;
    private final Lexer lexer;
    private final NestedBodies nested;
    private final StatementEnd statementEnd;
    private final String path;
    private final String text;
    private final List<Statement> statements = new ArrayList<>();
    private final List<Token> comments = new ArrayList<>();
    private boolean bodyCommentsAdded;
    private LexError bodyError;
    /** True when a backslash escapes in this text's strings, so dynamic SQL in them is decoded that way. */
    private final boolean backslashEscapes;
    /**
     * The dialect that decides a statement's shape and that its statements are judged in: under auto, SQL Server's
     * for a script that separates batches with GO.
     */
    private Dialect scriptDialect;
    /** The tokens of the script or block being split, where variables run as dynamic SQL are assigned. */
    private List<Token> scope = List.of();
    /** The script's own tokens, and where in them the routines it defines stand. */
    private List<Token> scriptCode = List.of();
    private DefinedRoutineSpans scriptRoutines = DefinedRoutineSpans.NONE;
    /** True inside a PL/pgSQL body, where EXECUTE always runs dynamic SQL. */
    private boolean plpgsql;
    /**
     * The literals one call passes for the parameters of the routine being split, by lower-case name; grows by the
     * aliases a PL/pgSQL body declares for its parameters once that body is read.
     */
    private Map<String, Token> arguments;
    /** Parameters of the PostgreSQL routine being split that hold one object's name ({@link NameParameters}). */
    private Set<String> nameParameters = Set.of();
    /** The texts the statements of the text's own bodies build and run whole, when asked for; else null. */
    private BuiltTexts builtTexts;
    /** What the runner of plain scripts makes of the comment directives of the text being split; null before. */
    private RunnerDirectiveStatements directives;

    /**
     * A run over {@code text} (of the file at {@code path}), where {@code arguments} gives, by lower-case name, the
     * literals one call passes for the parameters of the routine being split (empty when none is).
     */
    SplitRun(StatementSplitter splitter, String path, String text, boolean backslashEscapes,
            Map<String, Token> arguments) {
        this.splitter = splitter;
        this.dialect = splitter.dialect();
        this.lexer = splitter.lexer();
        this.nested = splitter.nested();
        this.statementEnd = splitter.statementEnd();
        this.scriptDialect = dialect;
        this.path = path;
        this.text = text;
        this.backslashEscapes = backslashEscapes;
        this.arguments = arguments;
    }

    /**
     * What the run found: its statements, every comment in file order, and {@code lexError} (the text's own) or else
     * the first error met lexing a body inside it.
     */
    Script script(Optional<LexError> lexError) {
        if (bodyCommentsAdded) {
            comments.sort(Comparator.comparingInt(Token::offset));
        }
        Optional<LexError> error = lexError.isPresent() ? lexError : Optional.ofNullable(bodyError);
        return new Script(statements, comments, error);
    }

    /**
     * Notes, as the text is split, each statement of its own bodies (not of a text they run) that runs a text known
     * whole or, in T-SQL, only assigns one ({@link BuiltText}).
     */
    void collectBuiltTexts() {
        builtTexts = new BuiltTexts(text, backslashEscapes);
    }

    /** The texts noted since {@link #collectBuiltTexts}. */
    List<BuiltText> builtTexts() {
        return builtTexts.noted();
    }

    void splitTokens(List<Token> lexedTokens, StatementContext context) {
        List<Token> code = DecidedArms.taken(withoutComments(lexedTokens), arguments);
        StatementCuts cuts = StatementCuts.of(code, dialect, statementEnd);
        scriptDialect = cuts.dialect();
        scope = code;
        scriptCode = code;
        scriptRoutines = cuts.routines();
        UpgradeDirectiveBlocks blocks = new UpgradeDirectiveBlocks(comments);
        boolean topLevel = context.kind() == StatementContext.Kind.SCRIPT && context.body() == null
                && context.label().isEmpty();
        directives = new RunnerDirectiveStatements(path, text, scriptDialect, lexer, splitter::sqlOf, comments,
                topLevel);
        for (StatementCuts.Cut cut : cuts.cuts()) {
            List<Token> tokens = cut.tokens();
            statements.addAll(directives.orphanDeletesBefore(tokens.get(0).offset(),
                    directive -> blocks.contextAt(directive, context)));
            StatementContext at = blocks.contextAt(tokens.get(0), context);
            Optional<Statement> swept = directives.swept(tokens, cut.shape().kind() == StatementShape.Kind.PLAIN, at);
            if (swept.isPresent()) {
                statements.add(swept.get());
            } else {
                emit(tokens, cut.shape(), at);
            }
        }
        statements.addAll(directives.orphanDeletesBefore(Integer.MAX_VALUE,
                directive -> blocks.contextAt(directive, context)));
    }

    private List<Token> withoutComments(List<Token> lexedTokens) {
        List<Token> code = new ArrayList<>(lexedTokens.size());
        for (Token token : lexedTokens) {
            if (token.type() == TokenType.COMMENT) {
                comments.add(token);
            } else {
                code.add(token);
            }
        }
        return code;
    }

    private void emit(List<Token> tokens, StatementShape shape, StatementContext context) {
        switch (shape.kind()) {
            case PLAIN -> {
                Token javaSource = JavaSentSql.aliasSource(tokens);
                if (javaSource != null) {
                    emitJavaAlias(tokens, javaSource, context);
                    return;
                }
                DynamicSql.Source dynamicSql = DynamicSql.of(tokens, plpgsql);
                List<DynamicSql.Source> otherValues = List.of();
                if (dynamicSql != null && dynamicSql.variable() == null && dynamicSql.namesSomethingUnknown()) {
                    // FOREACH t IN ARRAY ARRAY['a', 'b'] LOOP EXECUTE format('DROP TABLE %I', t): each text it runs
                    List<List<Token>> eachValue = plpgsql ? ArrayLoopValues.eachValue(tokens, scope) : null;
                    List<DynamicSql.Source> readings = new ArrayList<>();
                    for (List<Token> variant : eachValue == null ? List.of(tokens) : eachValue) {
                        readings.add(DynamicSql.of(LoopRecordFields.withSelectedItems(VariableOperands.substituted(
                                variant, scope, arguments, nameParameters, tokens.get(0)),
                                context.body() == null ? null : context.body().rowLoop()), plpgsql));
                    }
                    dynamicSql = readings.get(0);
                    otherValues = readings.subList(1, readings.size());
                }
                DynamicSql.Source read = dynamicSql;
                DefinedRoutineSpans routines = scope == scriptCode ? scriptRoutines : DefinedRoutineSpans.NONE;
                if (dynamicSql != null && dynamicSql.variable() != null) {
                    dynamicSql = dynamicSql.resolved(VariableAssignments.valueOf(scope, arguments,
                            dynamicSql.variable(), tokens.get(0), routines));
                }
                if (dynamicSql != null && dynamicSql.literals().isEmpty() && context.body() != null) {
                    DynamicSql.Source field = LoopRecordFields.runText(tokens, context.body().rowLoop(),
                            dynamicSql.label());
                    dynamicSql = field != null ? field : dynamicSql;
                }
                int before = statements.size();
                add(tokens, context, false, dynamicSql != null && (dynamicSql.builtAtRunTime()
                        && !HarmlessDynamicSql.cannotLoseRows(tokens, dynamicSql, dialect)
                        || dynamicSql.callsRoutineNamedAtRunTime()));
                if (builtTexts != null && statements.size() > before) {
                    builtTexts.note(statements.get(before), read, tokens.get(0), scope, arguments, routines);
                }
                for (DynamicSql.Source run : Stream.concat(Stream.of(dynamicSql), otherValues.stream()).toList()) {
                    if (run != null && !run.literals().isEmpty()) {
                        emitLiterals(run, NestedBodies.innerContext(context, StatementContext.Kind.EXECUTED_BLOCK,
                                run.label()));
                    }
                }
                int prepared = NestedBodies.preparedStatementStart(tokens);
                if (prepared > 0) {
                    emitAll(List.of(tokens.subList(prepared, tokens.size())), NestedBodies.innerContext(context,
                            StatementContext.Kind.EXECUTED_BLOCK, "prepared statement " + tokens.get(1).text()));
                }
            }
            case DO_BLOCK -> emitDoBlock(tokens, shape, context);
            case ANONYMOUS_BLOCK -> {
                add(tokens, context, true);
                StatementContext inner = NestedBodies.innerContext(context, StatementContext.Kind.EXECUTED_BLOCK,
                        shape.label());
                boolean mysqlDeclare = dialect.isMySqlFamily()
                        || shape.label().equals(StatementShape.NOT_ATOMIC_BLOCK);
                // T-SQL: a variable lives for its whole batch, so IF .. EXEC (@sql) sees what the batch assigned.
                List<Token> blockScope = scriptDialect == Dialect.SQLSERVER && !scope.isEmpty()
                        && scope.get(0).offset() <= tokens.get(0).offset() ? scope : tokens;
                emitScoped(blockScope,
                        ScannedBodies.inScope(new BlockBodyScanner(mysqlDeclare), tokens, blockScope),
                        NestedBodies.opened(inner, tokens), plpgsql);
            }
            case ROUTINE -> emitRoutine(tokens, shape, context);
        }
    }

    private void emitDoBlock(List<Token> tokens, StatementShape shape, StatementContext context) {
        add(tokens, context, true);
        RoutineBody body = RoutineBody.locate(tokens, tokens.size());
        boolean plpgsql = body.language().isEmpty() || body.language().equals("plpgsql");
        StatementContext inner = NestedBodies.opened(NestedBodies.innerContext(context,
                StatementContext.Kind.EXECUTED_BLOCK, shape.label()), tokens);
        if (body.form() == RoutineBody.Form.DOLLAR_QUOTED && plpgsql) {
            emitDollarBody(tokens.get(body.index()), inner, true);
        } else if (body.form() == RoutineBody.Form.QUOTED && plpgsql) {
            emitQuotedBody(List.of(tokens.get(body.index())), inner, true);
        }
    }

    private void emitRoutine(List<Token> tokens, StatementShape shape, StatementContext context) {
        add(tokens, context, true);
        RoutineBody body = RoutineBody.locate(tokens, tokens.size());
        StatementContext inner = NestedBodies.opened(shape.routineKind().equals("event")
                // MySQL: an event's body runs on its schedule, often right after the migration, without a call.
                ? NestedBodies.innerContext(context, StatementContext.Kind.EXECUTED_BLOCK,
                        shape.label() + ", which runs on the event's schedule")
                : NestedBodies.innerContext(context, StatementContext.Kind.ROUTINE_BODY, shape.label()), tokens);
        boolean javaTrigger = shape.routineKind().equals("trigger") && body.language().isEmpty()
                && (body.form() == RoutineBody.Form.DOLLAR_QUOTED || body.form() == RoutineBody.Form.QUOTED);
        if (javaTrigger) {
            return; // H2: a trigger's body in a string is Java source, not SQL (no other database writes one)
        }
        switch (body.form()) {
            case DOLLAR_QUOTED -> {
                if (body.isSql()) {
                    Set<String> outer = nameParameters;
                    nameParameters = NameParameters.of(tokens.subList(0, body.index()));
                    emitDollarBody(tokens.get(body.index()), inner, !body.language().equals("sql"));
                    nameParameters = outer;
                }
            }
            case QUOTED -> {
                if (body.isSql()) {
                    Set<String> outer = nameParameters;
                    nameParameters = NameParameters.of(tokens.subList(0, body.index()));
                    emitQuotedBody(List.of(tokens.get(body.index())), inner, !body.language().equals("sql"));
                    nameParameters = outer;
                }
            }
            case STATEMENTS, DECLARATIONS, ACTION_LIST -> {
                for (ScannedBodies.Part part : ScannedBodies.ofRoutine(tokens, body, shape, context, inner,
                        dialect, scriptDialect, arguments)) {
                    emitScoped(tokens, part.statements(), part.context(), false);
                }
            }
            case NONE -> {
            }
        }
    }

    /**
     * H2's {@code CREATE ALIAS f AS $$ java $$}: the SQL its Java sends in literals runs whenever the alias is
     * called, as a routine's body does, and is located inside those literals.
     */
    private void emitJavaAlias(List<Token> tokens, Token source, StatementContext context) {
        JavaSentSql java = JavaSentSql.of(text, source);
        if (java.sent().isEmpty()) {
            add(tokens, context, false);
            return;
        }
        add(tokens, context, true);
        StatementContext inner = NestedBodies.opened(NestedBodies.innerContext(context,
                StatementContext.Kind.ROUTINE_BODY, "alias " + JavaSentSql.aliasName(tokens) + " body"), tokens);
        for (JavaSentSql.Sent sent : java.sent()) {
            LexedText lexed = nested.dynamicSql(sent.body().text());
            JavaBranches.Place place = sent.place();
            StatementContext at = place.straightLine() ? inner : inner.withBody(inner.body().offStraightLine(
                    place.arm(), false, place.ifArm(), null, false, place.stretch()));
            // A stand-in for a run-time value may split a quote the text opens: that is the value's, not the file's.
            emitQuotedBody(sent.body(), at, false, sent.partlyBuilt()
                    ? new LexedText(lexed.tokens(), Optional.empty(), lexed.backslashEscapes()) : lexed);
        }
    }

    /** Lexes a dollar-quoted body again, with positions in the file, and emits its statements. */
    private void emitDollarBody(Token string, StatementContext context, boolean plpgsqlBody) {
        LexedText lexed = nested.dollarBody(text, string);
        int commentsBefore = comments.size();
        List<Token> code = withoutComments(lexed.tokens());
        bodyCommentsAdded |= comments.size() > commentsBefore;
        if (bodyError == null && lexed.error().isPresent()) {
            bodyError = lexed.error().get();
        }
        if (plpgsqlBody) {
            arguments = ParameterAliases.added(arguments, code);
            code = DecidedArms.taken(code, arguments);
        }
        // A routine's PL/pgSQL body sees the call's arguments; the text dynamic SQL runs does not.
        emitScoped(code, new BlockBodyScanner(false, plpgsqlBody ? arguments : Map.of())
                .scan(code, 0, code.size(), false), plpgsqlBody
                        ? NestedBodies.resolvingNameConflicts(NestedBodies.declaring(context, code), code)
                        : NestedBodies.declaring(context, code), plpgsqlBody);
    }

    /** Splits the text of dynamic SQL again as SQL, with positions in the file. */
    private void emitLiterals(DynamicSql.Source source, StatementContext context) {
        List<Token> literals = source.literals();
        if (literals.size() == 1 && literals.get(0).text().startsWith("$") && source.eachName() == null
                && !QuotedBody.standsElsewhere(text, literals.get(0), arguments.values())) {
            emitDollarBody(literals.get(0), context, false);
        } else {
            QuotedBody literal = QuotedBody.of(text, literals, backslashEscapes, arguments.values());
            if (literal != null) {
                // The name stands in bracketed; a command that brackets ? itself (USE [?]) gets it once.
                QuotedBody body = source.eachName() == null ? literal
                        : literal.replacing("[?]", source.eachName()).replacing("?", source.eachName());
                LexedText lexed = nested.dynamicSql(body.text(), scriptDialect == Dialect.SQLSERVER);
                // A quote the text opens in one literal may close in another after a part built at run time
                // ('.. is ' + CASE .. END + '.'' AS x'): the stand-in breaks it, not the file, and the
                // statement that runs the text is reported as built at run time already.
                emitQuotedBody(body, context, false, source.partlyBuilt()
                        ? new LexedText(lexed.tokens(), Optional.empty(), lexed.backslashEscapes()) : lexed);
            }
        }
    }

    /**
     * Splits the SQL inside quoted literals (a PostgreSQL routine or DO body, dynamic SQL joined from several
     * literals) as the database reads it, quotes unescaped, and locates what it finds in the file.
     */
    private void emitQuotedBody(List<Token> strings, StatementContext context, boolean plpgsqlBody) {
        QuotedBody body = QuotedBody.of(text, strings, false, List.of());
        if (body != null) {
            emitQuotedBody(body, context, plpgsqlBody, nested.quotedBody(body.text()));
        }
    }

    private void emitQuotedBody(QuotedBody body, StatementContext context, boolean plpgsqlBody,
            LexedText lexed) {
        // A PL/pgSQL body in quotes still sees the call's arguments; the text dynamic SQL runs does not.
        SplitRun inner = new SplitRun(splitter, path, body.text(), lexed.backslashEscapes(),
                plpgsqlBody ? arguments : Map.of());
        inner.scriptDialect = scriptDialect;
        inner.nameParameters = plpgsqlBody ? nameParameters : Set.of();
        List<Token> code = DecidedArms.taken(inner.withoutComments(lexed.tokens()), inner.arguments);
        inner.emitScoped(code, new BlockBodyScanner(false, inner.arguments).scan(code, 0, code.size(), false),
                plpgsqlBody ? NestedBodies.resolvingNameConflicts(context, code) : context, plpgsqlBody);
        inner.statements.forEach(statement -> statements.add(body.toFile(statement)));
        inner.comments.forEach(comment -> comments.add(body.toFile(comment)));
        bodyCommentsAdded |= !inner.comments.isEmpty();
        Optional<LexError> error = lexed.error().or(() -> Optional.ofNullable(inner.bodyError));
        if (bodyError == null && error.isPresent()) {
            bodyError = body.toFile(error.get());
        }
    }

    /**
     * Emits the statements of a block or body whose tokens are {@code blockTokens}: a variable run as dynamic
     * SQL there is looked up among them.
     */
    private void emitScoped(List<Token> blockTokens, List<BodyStatement> inner,
            StatementContext context, boolean plpgsqlBody) {
        List<Token> outerScope = scope;
        boolean outerPlpgsql = plpgsql;
        scope = blockTokens;
        plpgsql = plpgsqlBody;
        for (BodyStatement statement : inner) {
            emitAll(List.of(statement.tokens()),
                    NestedBodies.at(context, statement));
        }
        scope = outerScope;
        plpgsql = outerPlpgsql;
    }

    private void emitAll(List<List<Token>> inner, StatementContext context) {
        for (List<Token> tokens : inner) {
            StatementShape shape = StatementShape.of(tokens, 0, tokens.size(), scriptDialect);
            emit(tokens, shape.kind() == StatementShape.Kind.ANONYMOUS_BLOCK ? StatementShape.PLAIN : shape,
                    context);
        }
    }

    private void add(List<Token> statementTokens, StatementContext context, boolean container) {
        add(statementTokens, context, container, false);
    }

    private void add(List<Token> statementTokens, StatementContext context, boolean container,
            boolean runtimeSql) {
        // A PL/SQL unit keeps the ; after its END up to the /, but the statement ends before it.
        int end = statementTokens.size();
        while (end > 0 && StatementEnd.isSeparator(statementTokens.get(end - 1))) {
            end--;
        }
        if (end == 0) {
            return;
        }
        List<Token> tokens = AnsiQuotedNames.of(statementTokens.subList(0, end));
        Token first = tokens.get(0);
        Map<String, String> unvalued = new HashMap<>(splitter.unvaluedIn(tokens));
        if (directives != null) {
            directives.assignedIn(tokens).forEach(unvalued::putIfAbsent);
        }
        statements.add(new Statement(splitter.sqlOf(text, tokens), new Location(path, first.line(), first.column()),
                tokens, context, scriptDialect, container, null, runtimeSql, unvalued));
    }
}
