package io.github.sqlguard.schema;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A table's columns by key, in definition order, unchangeable, held in two arrays. The replay keeps every version
 * of every table it saw, each with all its columns: on tens of thousands of migrations, a hash map per version
 * was a large part of the heap (about 40 bytes per column against 12 here). Tables have tens of columns, so a
 * lookup is a scan, with the keys' hashes compared first.
 */
final class ColumnMap extends AbstractMap<String, Column> {

    private static final ColumnMap EMPTY = new ColumnMap(new String[0], new int[0], new Column[0]);

    private final String[] keys;
    private final int[] hashes;
    private final Column[] columns;

    private ColumnMap(String[] keys, int[] hashes, Column[] columns) {
        this.keys = keys;
        this.hashes = hashes;
        this.columns = columns;
    }

    /** {@code columns} as a column map: itself when it is one already, so unchanged columns are shared. */
    static ColumnMap of(Map<String, Column> columns) {
        if (columns instanceof ColumnMap map) {
            return map;
        }
        if (columns.isEmpty()) {
            return EMPTY;
        }
        String[] keys = new String[columns.size()];
        int[] hashes = new int[keys.length];
        Column[] values = new Column[keys.length];
        int i = 0;
        for (Map.Entry<String, Column> entry : columns.entrySet()) {
            keys[i] = entry.getKey();
            hashes[i] = entry.getKey().hashCode();
            values[i++] = entry.getValue();
        }
        return new ColumnMap(keys, hashes, values);
    }

    private int indexOf(Object key) {
        if (key == null) {
            return -1;
        }
        int hash = key.hashCode();
        for (int i = 0; i < keys.length; i++) {
            if (hashes[i] == hash && keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Column get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : columns[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Column> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], columns[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, Column>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Column>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Map.Entry<String, Column> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], columns[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
