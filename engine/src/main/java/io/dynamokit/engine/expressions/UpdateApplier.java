package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;
import io.dynamokit.engine.model.DynamoException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies an update's actions to a copy of an item. Every value is computed from the item as it was before the
 * update (so {@code SET a = b, b = a} swaps); then SET, REMOVE, ADD and DELETE are applied. REMOVEs of list
 * elements apply from the highest index down, so each index means the element it named in the original list.
 */
final class UpdateApplier {
    private UpdateApplier() {
    }

    static Map<String, AttributeValue> apply(List<UpdateExpression.Action> actions,
            Map<String, AttributeValue> existing) {
        Map<String, AttributeValue> original = existing == null ? Map.of() : existing;
        List<AttributeValue> values = new ArrayList<>();
        for (UpdateExpression.Action action : actions) {
            values.add(action.section().equals("SET") ? evaluate(action.value(), original) : null);
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(original);
        List<UpdateExpression.Action> removes = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            UpdateExpression.Action action = actions.get(i);
            switch (action.section()) {
                case "SET" -> set(item, action.path(), values.get(i));
                case "REMOVE" -> removes.add(action);
                default -> {
                }
            }
        }
        removes.sort(Comparator.comparingInt(UpdateApplier::trailingIndex).reversed());
        for (UpdateExpression.Action action : removes) {
            remove(item, action.path());
        }
        for (UpdateExpression.Action action : actions) {
            AttributeValue operand = action.value() instanceof Expr.Literal l ? l.value() : null;
            if (action.section().equals("ADD")) {
                set(item, action.path(), add(Paths.get(item, action.path()), operand));
            } else if (action.section().equals("DELETE")) {
                AttributeValue current = getForDelete(item, action.path());
                if (current != null) {
                    AttributeValue remaining = delete(current, operand);
                    if (remaining == null) {
                        remove(item, action.path());
                    } else {
                        set(item, action.path(), remaining);
                    }
                }
            }
        }
        return item;
    }

    private static int trailingIndex(UpdateExpression.Action action) {
        List<Object> elements = action.path().elements();
        return elements.get(elements.size() - 1) instanceof Integer i ? i : -1;
    }

    // ---- values

    static AttributeValue evaluate(Expr expr, Map<String, AttributeValue> item) {
        if (expr instanceof Expr.Literal l) {
            return l.value();
        }
        if (expr instanceof Expr.PathRef p) {
            AttributeValue v = Paths.get(item, p.path());
            if (v == null) {
                throw DynamoException.validation(
                        "The provided expression refers to an attribute that does not exist in the item");
            }
            return v;
        }
        if (expr instanceof Expr.Arith a) {
            AttributeValue left = evaluate(a.left(), item);
            AttributeValue right = evaluate(a.right(), item);
            if (!(left instanceof AttributeValue.N ln) || !(right instanceof AttributeValue.N rn)) {
                throw incorrectDataType();
            }
            BigDecimal result = a.op().equals("+") ? ln.decimal().add(rn.decimal())
                    : ln.decimal().subtract(rn.decimal());
            return AttributeValue.n(result);
        }
        Expr.Call call = (Expr.Call) expr;
        if (call.name().equals("if_not_exists")) {
            AttributeValue current = Paths.get(item, ((Expr.PathRef) call.args().get(0)).path());
            return current != null ? current : evaluate(call.args().get(1), item);
        }
        AttributeValue first = evaluate(call.args().get(0), item);
        AttributeValue second = evaluate(call.args().get(1), item);
        if (!(first instanceof AttributeValue.L a) || !(second instanceof AttributeValue.L b)) {
            throw incorrectDataType();
        }
        List<AttributeValue> joined = new ArrayList<>(a.values());
        joined.addAll(b.values());
        return new AttributeValue.L(joined);
    }

    private static AttributeValue add(AttributeValue current, AttributeValue operand) {
        if (current == null) {
            return operand;
        }
        if (current instanceof AttributeValue.N cn && operand instanceof AttributeValue.N on) {
            return AttributeValue.n(cn.decimal().add(on.decimal()));
        }
        if (current instanceof AttributeValue.SS cs && operand instanceof AttributeValue.SS os) {
            Set<String> union = new LinkedHashSet<>(cs.values());
            union.addAll(os.values());
            return new AttributeValue.SS(union);
        }
        if (current instanceof AttributeValue.NS cs && operand instanceof AttributeValue.NS os) {
            Set<String> union = new LinkedHashSet<>(cs.values());
            for (String member : os.values()) {
                if (!Values.contains(cs, new AttributeValue.N(member))) {
                    union.add(member);
                }
            }
            return new AttributeValue.NS(union);
        }
        if (current instanceof AttributeValue.BS cs && operand instanceof AttributeValue.BS os) {
            Set<AttributeValue.B> union = new LinkedHashSet<>(cs.values());
            union.addAll(os.values());
            return new AttributeValue.BS(union);
        }
        throw incorrectDataType();
    }

    /** The set left after removing the operand's members; null when none is left. */
    private static AttributeValue delete(AttributeValue current, AttributeValue operand) {
        if (current instanceof AttributeValue.SS cs && operand instanceof AttributeValue.SS os) {
            Set<String> left = new LinkedHashSet<>(cs.values());
            left.removeAll(os.values());
            return left.isEmpty() ? null : new AttributeValue.SS(left);
        }
        if (current instanceof AttributeValue.NS cs && operand instanceof AttributeValue.NS os) {
            Set<String> left = new LinkedHashSet<>();
            for (String member : cs.values()) {
                if (!Values.contains(os, new AttributeValue.N(member))) {
                    left.add(member);
                }
            }
            return left.isEmpty() ? null : new AttributeValue.NS(left);
        }
        if (current instanceof AttributeValue.BS cs && operand instanceof AttributeValue.BS os) {
            Set<AttributeValue.B> left = new LinkedHashSet<>(cs.values());
            left.removeAll(os.values());
            return left.isEmpty() ? null : new AttributeValue.BS(left);
        }
        throw incorrectDataType();
    }

    private static AttributeValue getForDelete(Map<String, AttributeValue> item, AttributePath path) {
        List<Object> elements = path.elements();
        AttributeValue current = item.get((String) elements.get(0));
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = childOrInvalid(current, elements.get(i));
        }
        return current;
    }

    // ---- writing into copies

    private static void set(Map<String, AttributeValue> item, AttributePath path, AttributeValue value) {
        List<Object> elements = path.elements();
        String top = (String) elements.get(0);
        if (elements.size() == 1) {
            item.put(top, value);
            return;
        }
        AttributeValue current = item.get(top);
        if (current == null) {
            throw invalidPath();
        }
        item.put(top, setIn(current, elements, 1, value));
    }

    private static AttributeValue setIn(AttributeValue container, List<Object> elements, int at, AttributeValue value) {
        Object element = elements.get(at);
        boolean last = at == elements.size() - 1;
        if (element instanceof String key) {
            if (!(container instanceof AttributeValue.M m)) {
                throw invalidPath();
            }
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.values());
            if (last) {
                copy.put(key, value);
            } else {
                AttributeValue child = copy.get(key);
                if (child == null) {
                    throw invalidPath();
                }
                copy.put(key, setIn(child, elements, at + 1, value));
            }
            return new AttributeValue.M(copy);
        }
        int index = (Integer) element;
        if (!(container instanceof AttributeValue.L l)) {
            throw invalidPath();
        }
        List<AttributeValue> copy = new ArrayList<>(l.values());
        if (last) {
            if (index < copy.size()) {
                copy.set(index, value);
            } else {
                copy.add(value);
            }
        } else {
            if (index >= copy.size()) {
                throw invalidPath();
            }
            copy.set(index, setIn(copy.get(index), elements, at + 1, value));
        }
        return new AttributeValue.L(copy);
    }

    private static void remove(Map<String, AttributeValue> item, AttributePath path) {
        List<Object> elements = path.elements();
        String top = (String) elements.get(0);
        if (elements.size() == 1) {
            item.remove(top);
            return;
        }
        AttributeValue current = item.get(top);
        if (current != null) {
            item.put(top, removeIn(current, elements, 1));
        }
    }

    /** Removing what is not there changes nothing; a step through a value of the wrong type is an error. */
    private static AttributeValue removeIn(AttributeValue container, List<Object> elements, int at) {
        Object element = elements.get(at);
        boolean last = at == elements.size() - 1;
        if (element instanceof String key) {
            if (!(container instanceof AttributeValue.M m)) {
                throw invalidPath();
            }
            AttributeValue child = m.values().get(key);
            if (child == null) {
                return container;
            }
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.values());
            if (last) {
                copy.remove(key);
            } else {
                copy.put(key, removeIn(child, elements, at + 1));
            }
            return new AttributeValue.M(copy);
        }
        int index = (Integer) element;
        if (!(container instanceof AttributeValue.L l)) {
            throw invalidPath();
        }
        if (index >= l.values().size()) {
            return container;
        }
        List<AttributeValue> copy = new ArrayList<>(l.values());
        if (last) {
            copy.remove(index);
        } else {
            copy.set(index, removeIn(copy.get(index), elements, at + 1));
        }
        return new AttributeValue.L(copy);
    }

    private static AttributeValue childOrInvalid(AttributeValue parent, Object element) {
        boolean fits = element instanceof String ? parent instanceof AttributeValue.M
                : parent instanceof AttributeValue.L;
        if (!fits) {
            throw invalidPath();
        }
        return Paths.child(parent, element);
    }

    static DynamoException invalidPath() {
        return DynamoException.validation("The document path provided in the update expression is invalid for update");
    }

    static DynamoException incorrectDataType() {
        return DynamoException.validation("An operand in the update expression has an incorrect data type");
    }
}
