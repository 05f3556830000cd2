package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColumnMapTest {

    private static Column column(String name) {
        return new Column(name, Optional.of(SqlType.parse("integer")), false);
    }

    private static Map<String, Column> written(String... names) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String name : names) {
            columns.put(SchemaNames.key(name), column(name));
        }
        return columns;
    }

    @Test
    void keepsDefinitionOrderAndAnswersLikeTheMapItWasMadeFrom() {
        Map<String, Column> source = written("zeta", "alpha", "mid");
        ColumnMap columns = ColumnMap.of(source);
        assertEquals(List.copyOf(source.keySet()), List.copyOf(columns.keySet()));
        List<String> visited = new ArrayList<>();
        columns.forEach((key, column) -> visited.add(column.name()));
        assertEquals(List.of("zeta", "alpha", "mid"), visited);
        assertEquals(source, columns);
        assertEquals(source.hashCode(), columns.hashCode());
        assertEquals("alpha", columns.get(SchemaNames.key("alpha")).name());
        assertTrue(columns.containsKey(SchemaNames.key("mid")));
        assertNull(columns.get("missing"));
        assertNull(columns.get(null));
        assertFalse(columns.containsKey(42));
    }

    @Test
    void cannotBeChanged() {
        ColumnMap columns = ColumnMap.of(written("id"));
        assertThrows(UnsupportedOperationException.class, () -> columns.put("x", column("x")));
        assertThrows(UnsupportedOperationException.class, () -> columns.entrySet().iterator().next().setValue(null));
        assertThrows(UnsupportedOperationException.class, () -> columns.keySet().remove(SchemaNames.key("id")));
    }

    @Test
    void versionsOfATableThatKeepItsColumnsShareThem() {
        Table table = new Table("orders", written("id", "customer_id"), List.of("id"), List.of(), true);
        Table renamed = table.renamed("orders_old").withoutConstraint("orders_fk");
        assertSame(table.columns(), renamed.columns());
        assertSame(ColumnMap.of(Map.of()), ColumnMap.of(new LinkedHashMap<>()));
        Table widened = table.withColumn(column("total"));
        assertEquals(List.of(SchemaNames.key("id"), SchemaNames.key("customer_id"), SchemaNames.key("total")),
                List.copyOf(widened.columns().keySet()));
        assertEquals(2, table.columns().size());
    }
}
