package io.dynamokit.engine.model;

import java.util.List;
import java.util.Map;

/**
 * A DynamoDB error answer: its {@code __type}, message and HTTP status, and for some errors the extra members
 * DynamoDB adds to the body (a conditional check's item, a cancelled transaction's reasons).
 */
public class DynamoException extends RuntimeException {
    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";
    private static final String CORAL_VALIDATE = "com.amazon.coral.validate#";
    private static final String CORAL_SERVICE = "com.amazon.coral.service#";

    private final String type;
    private final int status;
    private final Map<String, AttributeValue> item;
    private final List<CancellationReason> cancellationReasons;

    public DynamoException(String type, String message, int status) {
        this(type, message, status, null, null);
    }

    public DynamoException(String type, String message, int status, Map<String, AttributeValue> item,
            List<CancellationReason> cancellationReasons) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.item = item;
        this.cancellationReasons = cancellationReasons;
    }

    /** The full {@code __type}, for instance {@code com.amazon.coral.validate#ValidationException}. */
    public String type() {
        return type;
    }

    /** The part after {@code #}: what the SDKs map to an exception class. */
    public String shortType() {
        return type.substring(type.indexOf('#') + 1);
    }

    public int status() {
        return status;
    }

    /** The item DynamoDB returns with a failed condition when ReturnValuesOnConditionCheckFailure is ALL_OLD. */
    public Map<String, AttributeValue> item() {
        return item;
    }

    public List<CancellationReason> cancellationReasons() {
        return cancellationReasons;
    }

    /** One entry of TransactionCanceledException's CancellationReasons: Code, Message and optionally Item. */
    public record CancellationReason(String code, String message, Map<String, AttributeValue> item) {
    }

    public static DynamoException validation(String message) {
        return new DynamoException(CORAL_VALIDATE + "ValidationException", message, 400);
    }

    public static DynamoException serialization(String message) {
        return new DynamoException(CORAL_SERVICE + "SerializationException", message, 400);
    }

    public static DynamoException unknownOperation() {
        return new DynamoException(CORAL_SERVICE + "UnknownOperationException", null, 400);
    }

    public static DynamoException missingAuthenticationToken() {
        return new DynamoException(CORAL_SERVICE + "MissingAuthenticationTokenException",
                "Request is missing Authentication Token", 400);
    }

    public static DynamoException resourceNotFound(String message) {
        return new DynamoException(DYNAMODB + "ResourceNotFoundException", message, 400);
    }

    public static DynamoException resourceInUse(String message) {
        return new DynamoException(DYNAMODB + "ResourceInUseException", message, 400);
    }

    public static DynamoException conditionalCheckFailed(Map<String, AttributeValue> item) {
        return new DynamoException(DYNAMODB + "ConditionalCheckFailedException", "The conditional request failed",
                400, item, null);
    }

    public static DynamoException transactionCanceled(String message, List<CancellationReason> reasons) {
        return new DynamoException(DYNAMODB + "TransactionCanceledException", message, 400, null, reasons);
    }

    public static DynamoException transactionConflict(String message) {
        return new DynamoException(DYNAMODB + "TransactionConflictException", message, 400);
    }

    public static DynamoException idempotentParameterMismatch(String message) {
        return new DynamoException(DYNAMODB + "IdempotentParameterMismatchException", message, 400);
    }

    public static DynamoException limitExceeded(String message) {
        return new DynamoException(DYNAMODB + "LimitExceededException", message, 400);
    }

    public static DynamoException internal(String message) {
        return new DynamoException(DYNAMODB + "InternalServerError", message, 500);
    }
}
