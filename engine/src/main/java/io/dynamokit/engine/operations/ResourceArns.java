package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;

/**
 * Table ARNs as the tagging operations read them, {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME}, checked in
 * DynamoDB's order: the {@code arn:} prefix, the six parts, the service (another service's resource is not one the
 * caller may act on here), the resource type, the account, then the table name.
 */
final class ResourceArns {
    /** The account of every ARN the engine hands out. */
    static final String ACCOUNT = "000000000000";

    private ResourceArns() {
    }

    /** The name of the table the ARN names; ValidationException or AccessDeniedException otherwise. */
    static String tableName(String arn, String operation) {
        if (!arn.startsWith("arn:")) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: ARNs must start with 'arn:': " + arn);
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            throw invalid(arn);
        }
        if (!parts[2].equals("dynamodb")) {
            throw accessDenied(arn, operation);
        }
        String resource = parts[5];
        if (!resource.startsWith("table/")) {
            throw notDynamoDbResource(arn);
        }
        String rest = resource.substring("table/".length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        if (slash >= 0) {
            String sub = rest.substring(slash);
            if (sub.startsWith("/index/")) {
                throw DynamoException.validation("One or more parameter values were invalid: Invalid resource arn "
                        + "provided, only table or stream is accepted. Provided resource arn: " + arn);
            }
            if (sub.startsWith("/backup/")) {
                throw notDynamoDbResource(arn);
            }
            throw invalid(arn);
        }
        if (!parts[4].equals(ACCOUNT)) {
            throw accessDenied(arn, operation);
        }
        if (name.length() < 3 || name.length() > 255 || !Constraints.isName(name)) {
            throw invalid(arn);
        }
        return name;
    }

    /** What DynamoDB answers a caller for a resource outside what it may reach. */
    static DynamoException accessDenied(String arn, String operation) {
        return new DynamoException("com.amazon.coral.service#AccessDeniedException", "User: arn:aws:iam::" + ACCOUNT
                + ":root is not authorized to perform: dynamodb:" + operation + " on resource: " + arn
                + " because no resource-based policy allows the dynamodb:" + operation + " action", 400);
    }

    static DynamoException notFound(String arn) {
        return DynamoException.resourceNotFound("Requested resource not found: ResourceArn: " + arn + " not found");
    }

    private static DynamoException invalid(String arn) {
        return DynamoException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }

    private static DynamoException notDynamoDbResource(String arn) {
        return DynamoException.validation(
                "One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: " + arn);
    }
}
