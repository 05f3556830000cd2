package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which statements a block or a routine's body written as statements runs, read by {@link BlockBodyScanner} where
 * they stand, each with the context it runs in. Quoted bodies (PL/pgSQL in dollar quotes or strings) are lexed
 * again instead, by {@link SplitRun}.
 */
final class ScannedBodies {

    /** The statements of one stretch of a body, and the context they run in. */
    record Part(List<BodyStatement> statements, StatementContext context) {
    }

    private ScannedBodies() {
    }

    /**
     * The statements of {@code block}, scanned where it stands in {@code blockScope} when that holds it: a T-SQL
     * {@code WHILE @@FETCH_STATUS = 0} block is a fetch loop only after the FETCH that precedes it, and reads the
     * cursor the batch declared before ({@link FetchLoops}).
     */
    static List<BodyStatement> inScope(BlockBodyScanner scanner, List<Token> block, List<Token> blockScope) {
        for (int i = 0; blockScope != block && i < blockScope.size(); i++) {
            if (blockScope.get(i) == block.get(0)) {
                return scanner.scan(blockScope, i, i + block.size(), false);
            }
        }
        return scanner.scan(block, 0, block.size(), false);
    }

    /**
     * The statements of the routine {@code tokens} defines, whose body ({@code body}) is written as statements, a
     * declaration section or a trigger's action list; none for a quoted body or none at all. {@code inner} is the
     * context of the body, {@code context} the one of the definition; {@code shapeDialect} decides where a T-SQL
     * body or an Oracle unit ends, and {@code arguments} are the literals one call passes.
     */
    static List<Part> ofRoutine(List<Token> tokens, RoutineBody body, StatementShape shape,
            StatementContext context, StatementContext inner, Dialect dialect, Dialect shapeDialect,
            Map<String, Token> arguments) {
        List<Part> parts = new ArrayList<>();
        switch (body.form()) {
            case STATEMENTS -> {
                boolean declareAnywhere = dialect.isMySqlFamily() || dialect == Dialect.AUTO
                        || dialect == Dialect.SQLSERVER;
                boolean oracle = shapeDialect == Dialect.ORACLE;
                int tail = shapeDialect == Dialect.SQLSERVER ? TsqlBodyTail.start(tokens, body.index())
                        : oracle ? PlsqlUnitTail.statementAfterEnd(tokens) : -1;
                parts.add(new Part(new BlockBodyScanner(declareAnywhere, arguments).scan(tokens, body.index(),
                        tail < 0 ? tokens.size() : tail, false), inner));
                if (tail >= 0) {
                    // Oracle: what follows a unit's END without a / line is no code of the unit (it does not
                    // compile there); it is the migration's own, and runs with it once a / line ends the unit
                    String after = oracle ? ", after its END: with no / line ending the " + shape.routineKind()
                            + ", Oracle keeps this as part of its invalid source, and once a / line ends it, this"
                            + " runs with the migration"
                            : ", after its END: T-SQL reads on to the next GO as its body, so this runs at each"
                                    + " call; put GO after END to run it with the migration";
                    parts.add(new Part(new BlockBodyScanner(declareAnywhere).scan(tokens, tail, tokens.size(),
                            false), NestedBodies.opened(NestedBodies.innerContext(context,
                            StatementContext.Kind.EXECUTED_BLOCK, shape.label() + after),
                            tokens.subList(tail, tokens.size()))));
                }
            }
            case DECLARATIONS -> parts.add(new Part(new BlockBodyScanner(false, arguments)
                    .scan(tokens, body.index(), tokens.size(), true), inner));
            case ACTION_LIST -> parts.add(new Part(new BlockBodyScanner(false, arguments).scan(tokens, body.index(),
                    RoutineBody.actionListEnd(tokens, body.index(), tokens.size()), false), inner));
            case DOLLAR_QUOTED, QUOTED, NONE -> {
            }
        }
        return parts;
    }
}
