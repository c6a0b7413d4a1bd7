package io.dynamokit.test.fault;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Changes the status in DynamoDB's answer to a {@code DescribeTable} of one table: the table's own
 * ({@code Table.TableStatus}), or that of one of its global secondary indexes ({@code IndexStatus}).
 */
final class DescribeTableRewrite {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tableName;
    private final String indexName;
    private final String status;

    DescribeTableRewrite(String tableName, String indexName, String status) {
        this.tableName = tableName;
        this.indexName = indexName;
        this.status = status;
    }

    /** Whether the request describes this table. */
    boolean matches(byte[] requestBody) {
        return tableName.equals(read(requestBody).path("TableName").asText(null));
    }

    /** The answer with the status replaced; unchanged when it holds no such table or index. */
    byte[] rewrite(byte[] responseBody) {
        JsonNode answer = read(responseBody);
        if (!(answer.get("Table") instanceof ObjectNode table)) {
            return responseBody;
        }
        if (indexName == null) {
            table.put("TableStatus", status);
        } else {
            for (JsonNode index : table.path("GlobalSecondaryIndexes")) {
                if (index instanceof ObjectNode found && indexName.equals(found.path("IndexName").asText(null))) {
                    found.put("IndexStatus", status);
                }
            }
        }
        try {
            return JSON.writeValueAsBytes(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not DynamoDB's JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "DescribeTable " + tableName + (indexName == null ? "" : " index " + indexName) + " -> " + status;
    }
}
