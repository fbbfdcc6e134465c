package dev.kindling.transpiler.tree;

/** A string scalar. */
public final class StrValue extends Value {
    private final String value;

    public StrValue(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    @Override
    public StrValue copy() {
        return new StrValue(value).withOrigin(origin());
    }

    @Override
    public boolean isZeroScalar() {
        return value.isEmpty();
    }

    @Override
    public boolean isZero() {
        return false; // present scalars are Go's non-nil pointers
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
