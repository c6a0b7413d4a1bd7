package io.dynamokit.engine.expressions;

import io.dynamokit.engine.model.AttributeValue;

/** A Query's key condition: the hash key's value and optionally a condition on the range key. */
public record KeyCondition(AttributeValue hashValue, RangeCondition rangeOrNull) {
}
