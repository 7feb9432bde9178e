package io.dvclint.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.findings.TextEdit;
import io.dvclint.schema.SchemaProblem;
import io.dvclint.template.UsedVar;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written out (they are compared on every lint, and a record's own
 * methods are linked through invokedynamic on first use, about 10 ms of a short run): every component takes part,
 * so a component added later without updating them fails here.
 */
class ValueEqualityTest {
    static final List<Class<? extends Record>> WRITTEN_OUT = List.of(Pos.class, TextEdit.class, SchemaProblem.class,
            UsedVar.class);

    @Test
    void everyComponentTakesPartInEqualsAndHashCode() throws Exception {
        for (Class<? extends Record> type : WRITTEN_OUT) {
            assertTrue(type.getDeclaredMethod("equals", Object.class) != null);
            RecordComponent[] cs = type.getRecordComponents();
            Object[] base = new Object[cs.length];
            for (int i = 0; i < cs.length; i++) base[i] = sample(cs[i].getType(), 0);
            Object a = make(type, base), b = make(type, base.clone());
            assertEquals(a, b, type.getSimpleName());
            assertEquals(a.hashCode(), b.hashCode(), type.getSimpleName());
            for (int i = 0; i < cs.length; i++) {
                Object[] other = base.clone();
                other[i] = sample(cs[i].getType(), 1);
                Object c = make(type, other);
                assertNotEquals(a, c, type.getSimpleName() + "." + cs[i].getName() + " is left out of equals");
                assertNotEquals(a.hashCode(), c.hashCode(),
                        type.getSimpleName() + "." + cs[i].getName() + " is left out of hashCode");
            }
        }
    }

    private static Object make(Class<? extends Record> type, Object[] args) throws Exception {
        Class<?>[] types = new Class<?>[args.length];
        RecordComponent[] cs = type.getRecordComponents();
        for (int i = 0; i < cs.length; i++) types[i] = cs[i].getType();
        Constructor<? extends Record> c = type.getDeclaredConstructor(types);
        return c.newInstance(args);
    }

    private static Object sample(Class<?> t, int n) {
        if (t == int.class) return 1 + n;
        if (t == String.class) return "s" + n;
        if (t == Path.class) return Path.of("p" + n);
        if (t == Pos.class) return new Pos(1, 1 + n);
        throw new IllegalArgumentException("no sample for " + t);
    }
}
